"""Name pools for the sample pipeline: the countries a multinational seller covers.

Each locale pairs native spellings (Latin with diacritics, Cyrillic, Armenian,
Chinese) with a plain Latin form used for e-mail addresses and web domains.
Curated companies come first; past them the generator builds names from a
stem (a river, a mountain, a region) and a sector word in the local style.
All names are invented; any likeness to a real firm is a coincidence.
"""

from __future__ import annotations

from dataclasses import dataclass

Name = tuple[str, str]
"""(native spelling, Latin spelling for e-mail)."""
Company = tuple[str, str, str]
"""(native name, domain stem, industry)."""
Sector = tuple[str, str, str]
"""(native word, Latin word, industry)."""


@dataclass(frozen=True)
class Locale:
    """One country's names, phone format and company naming style."""

    key: str
    region: str
    tld: str
    phone: str
    """Phone pattern; each `#` is a random digit."""
    male: tuple[Name, ...]
    female: tuple[Name, ...]
    surnames: tuple[Name, ...]
    surnames_female: tuple[Name, ...] = ()
    """Feminine surname forms aligned with `surnames` (empty when they do not inflect)."""
    family_first: bool = False
    joiner: str = " "
    companies: tuple[Company, ...] = ()
    stems: tuple[Name, ...] = ()
    sectors: tuple[Sector, ...] = ()
    company_format: str = "{stem} {sector}"
    cities: tuple[str, ...] = ()
    """Branch towns that tell apart generated companies of the same name."""
    city_format: str = "{name} ({city})"


def _names(pairs: str) -> tuple[Name, ...]:
    """Parse "native/latin, native/latin" into name pairs (keeps the tables short)."""
    out: list[Name] = []
    for item in pairs.split(","):
        native, latin = item.strip().split("/")
        out.append((native, latin))
    return tuple(out)


_SW, _LOG, _MFG, _RET = "software", "logistics", "manufacturing", "retail"
_AGR, _HOS, _PUB, _CON = "agriculture", "hospitality", "public-sector", "construction"

GERMAN = Locale(
    key="de",
    region="EU",
    tld="de",
    phone="+49 ## #######",
    male=_names(
        "Lukas/lukas, Jonas/jonas, Thomas/thomas, Michael/michael, Stefan/stefan, "
        "Andreas/andreas, Matthias/matthias, Jürgen/juergen"
    ),
    female=_names(
        "Anna/anna, Julia/julia, Katrin/katrin, Sabine/sabine, Laura/laura, "
        "Miriam/miriam, Claudia/claudia, Birgit/birgit"
    ),
    surnames=_names(
        "Müller/mueller, Schmidt/schmidt, Schneider/schneider, Fischer/fischer, "
        "Weber/weber, Becker/becker, Hoffmann/hoffmann, Schäfer/schaefer, Wagner/wagner"
    ),
    companies=(
        ("Nordwind Logistik GmbH", "nordwind-logistik", _LOG),
        ("Bergmann Maschinenbau AG", "bergmann-maschinenbau", _MFG),
        ("Rheintal Software GmbH", "rheintal-software", _SW),
        ("Alpenblick Handel GmbH", "alpenblick-handel", _RET),
        ("Schwarzwald Präzisionstechnik GmbH", "sw-praezision", _MFG),
        ("Elbe Spedition KG", "elbe-spedition", _LOG),
        ("Hansa Datensysteme GmbH", "hansa-daten", _SW),
        ("Gasthof Lindenhof GmbH", "lindenhof-gasthof", _HOS),
    ),
    stems=_names(
        "Nord/nord, Süd/sued, Rhein/rhein, Elbe/elbe, Isar/isar, Main/main, "
        "Harz/harz, Weser/weser, Spree/spree, Mosel/mosel"
    ),
    sectors=(
        ("Logistik", "logistik", _LOG),
        ("Software", "software", _SW),
        ("Maschinenbau", "maschinenbau", _MFG),
        ("Handel", "handel", _RET),
        ("Fördertechnik", "foerdertechnik", _MFG),
        ("Agrar", "agrar", _AGR),
    ),
    company_format="{stem} {sector} GmbH",
    cities=("Köln", "Hamburg", "Leipzig", "München", "Stuttgart", "Dresden"),
)

FRENCH = Locale(
    key="fr",
    region="EU",
    tld="fr",
    phone="+33 # ## ## ## ##",
    male=_names(
        "Julien/julien, Nicolas/nicolas, Thomas/thomas, Pierre/pierre, "
        "Antoine/antoine, Mathieu/mathieu, François/francois"
    ),
    female=_names(
        "Camille/camille, Sophie/sophie, Claire/claire, Émilie/emilie, "
        "Isabelle/isabelle, Céline/celine, Hélène/helene"
    ),
    surnames=_names(
        "Martin/martin, Bernard/bernard, Dubois/dubois, Lefèvre/lefevre, "
        "Moreau/moreau, Laurent/laurent, Girard/girard, Rousseau/rousseau"
    ),
    companies=(
        ("Lumière Logistique SAS", "lumiere-logistique", _LOG),
        ("Ardoise Informatique SAS", "ardoise-info", _SW),
        ("Beaulieu Industrie SA", "beaulieu-industrie", _MFG),
        ("Soleil Distribution SAS", "soleil-distribution", _RET),
        ("Loire Emballages SA", "loire-emballages", _MFG),
        ("Transports Garnier et Fils", "transports-garnier", _LOG),
        ("Mairie de Saint-Aubin", "saint-aubin", _PUB),
        ("Provence Commerce SARL", "provence-commerce", _RET),
    ),
    stems=_names(
        "Loire/loire, Provence/provence, Atlantique/atlantique, Alpes/alpes, "
        "Seine/seine, Bretagne/bretagne, Azur/azur, Rhône/rhone"
    ),
    sectors=(
        ("Logistique", "logistique", _LOG),
        ("Informatique", "informatique", _SW),
        ("Industrie", "industrie", _MFG),
        ("Distribution", "distribution", _RET),
        ("Emballages", "emballages", _MFG),
        ("Agro", "agro", _AGR),
    ),
    company_format="{stem} {sector} SAS",
    cities=("Lyon", "Nantes", "Lille", "Toulouse", "Bordeaux", "Rennes"),
)

POLISH = Locale(
    key="pl",
    region="EU",
    tld="pl",
    phone="+48 ## ### ## ##",
    male=_names(
        "Piotr/piotr, Krzysztof/krzysztof, Tomasz/tomasz, Paweł/pawel, "
        "Marcin/marcin, Michał/michal, Jakub/jakub"
    ),
    female=_names(
        "Agnieszka/agnieszka, Katarzyna/katarzyna, Magdalena/magdalena, "
        "Joanna/joanna, Monika/monika, Małgorzata/malgorzata, Zofia/zofia"
    ),
    surnames=_names(
        "Kowalski/kowalski, Nowak/nowak, Wiśniewski/wisniewski, Wójcik/wojcik, "
        "Kamiński/kaminski, Lewandowski/lewandowski, Zieliński/zielinski"
    ),
    surnames_female=_names(
        "Kowalska/kowalska, Nowak/nowak, Wiśniewska/wisniewska, "
        "Wójcik/wojcik, Kamińska/kaminska, Lewandowska/lewandowska, "
        "Zielińska/zielinska"
    ),
    companies=(
        ("Wisła Logistyka Sp. z o.o.", "wisla-logistyka", _LOG),
        ("Bałtyk Soft Sp. z o.o.", "baltyk-soft", _SW),
        ("Tatry Produkcja S.A.", "tatry-produkcja", _MFG),
        ("Odra Handel Sp. z o.o.", "odra-handel", _RET),
        ("Polmet Konstrukcje Sp. z o.o.", "polmet", _MFG),
        ("Krakowskie Centrum Dystrybucji Sp. z o.o.", "kcd-krakow", _LOG),
        ("Gospodarstwo Rolne Zielony Łan", "zielonylan", _AGR),
        ("Mazury Systemy IT Sp. z o.o.", "mazury-it", _SW),
    ),
    stems=_names(
        "Wisła/wisla, Odra/odra, Warta/warta, Bałtyk/baltyk, Tatry/tatry, "
        "Mazowsze/mazowsze, Śląsk/slask, Pomorze/pomorze"
    ),
    sectors=(
        ("Logistyka", "logistyka", _LOG),
        ("Soft", "soft", _SW),
        ("Produkcja", "produkcja", _MFG),
        ("Handel", "handel", _RET),
        ("Transport", "transport", _LOG),
        ("Agro", "agro", _AGR),
    ),
    company_format="{stem} {sector} Sp. z o.o.",
    cities=("Kraków", "Gdańsk", "Poznań", "Wrocław", "Łódź", "Lublin"),
)

ROMANIAN = Locale(
    key="ro",
    region="EU",
    tld="ro",
    phone="+40 ## ### ####",
    male=_names(
        "Andrei/andrei, Mihai/mihai, Alexandru/alexandru, Ionuț/ionut, "
        "Bogdan/bogdan, Cristian/cristian, Radu/radu"
    ),
    female=_names(
        "Ioana/ioana, Elena/elena, Andreea/andreea, Maria/maria, Alina/alina, "
        "Ramona/ramona, Irina/irina"
    ),
    surnames=_names(
        "Popescu/popescu, Ionescu/ionescu, Popa/popa, Dumitrescu/dumitrescu, "
        "Stan/stan, Stoica/stoica, Georgescu/georgescu, Munteanu/munteanu"
    ),
    companies=(
        ("Carpatica Logistic SRL", "carpatica-logistic", _LOG),
        ("Transilvania Soft SRL", "transilvania-soft", _SW),
        ("Bucovina Prod SA", "bucovina-prod", _MFG),
        ("Delta Distribuție SRL", "delta-distributie", _RET),
        ("Mureș Industrial SRL", "mures-industrial", _MFG),
        ("Ardeal Trans SRL", "ardeal-trans", _LOG),
        ("Agroferma Bărăgan SRL", "agroferma-baragan", _AGR),
        ("Dobrogea Retail SA", "dobrogea-retail", _RET),
    ),
    stems=_names(
        "Carpatica/carpatica, Ardeal/ardeal, Bucovina/bucovina, Dobrogea/dobrogea, "
        "Oltenia/oltenia, Muntenia/muntenia, Banat/banat, Someș/somes"
    ),
    sectors=(
        ("Logistic", "logistic", _LOG),
        ("Soft", "soft", _SW),
        ("Prod", "prod", _MFG),
        ("Distribuție", "distributie", _RET),
        ("Trans", "trans", _LOG),
        ("Agro", "agro", _AGR),
    ),
    company_format="{stem} {sector} SRL",
    cities=("Cluj", "Iași", "Timișoara", "Brașov", "Constanța", "Oradea"),
)

ALBANIAN = Locale(
    key="sq",
    region="EU",
    tld="al",
    phone="+355 ## ### ####",
    male=_names(
        "Arben/arben, Ilir/ilir, Besnik/besnik, Gentian/gentian, Dritan/dritan, "
        "Erion/erion, Fatmir/fatmir"
    ),
    female=_names(
        "Elona/elona, Arta/arta, Blerina/blerina, Anila/anila, Mirela/mirela, "
        "Jonida/jonida, Entela/entela"
    ),
    surnames=_names(
        "Hoxha/hoxha, Shehu/shehu, Leka/leka, Gjoka/gjoka, Basha/basha, "
        "Çela/cela, Krasniqi/krasniqi, Dervishi/dervishi"
    ),
    companies=(
        ("Dajti Logjistikë sh.p.k.", "dajti-logjistike", _LOG),
        ("Adriatik Soft sh.p.k.", "adriatik-soft", _SW),
        ("Iliria Teknologji sh.p.k.", "iliria-tek", _SW),
        ("Shkodra Prodhim sh.a.", "shkodra-prodhim", _MFG),
        ("Vlora Tregti sh.p.k.", "vlora-tregti", _RET),
        ("Butrint Turizëm sh.p.k.", "butrint-turizem", _HOS),
        ("Korça Transport sh.p.k.", "korca-transport", _LOG),
        ("Drini Ndërtim sh.p.k.", "drini-ndertim", _CON),
    ),
    stems=_names(
        "Dajti/dajti, Adriatik/adriatik, Iliria/iliria, Shkodra/shkodra, "
        "Vlora/vlora, Korça/korca, Drini/drini, Tomorri/tomorri"
    ),
    sectors=(
        ("Logjistikë", "logjistike", _LOG),
        ("Soft", "soft", _SW),
        ("Prodhim", "prodhim", _MFG),
        ("Tregti", "tregti", _RET),
        ("Transport", "transport", _LOG),
        ("Turizëm", "turizem", _HOS),
    ),
    company_format="{stem} {sector} sh.p.k.",
    cities=("Tiranë", "Durrës", "Elbasan", "Fier", "Berat", "Shkodër"),
)

ENGLISH = Locale(
    key="en",
    region="EU",
    tld="co.uk",
    phone="+44 ## #### ####",
    male=_names(
        "James/james, Oliver/oliver, Daniel/daniel, Thomas/thomas, Harry/harry, George/george"
    ),
    female=_names(
        "Charlotte/charlotte, Emma/emma, Sarah/sarah, Hannah/hannah, Olivia/olivia, Amelia/amelia"
    ),
    surnames=_names(
        "Smith/smith, Taylor/taylor, Brown/brown, Wilson/wilson, Evans/evans, "
        "Walker/walker, Hughes/hughes, O'Brien/obrien"
    ),
    companies=(
        ("Thames Valley Logistics Ltd", "tv-logistics", _LOG),
        ("Pennine Engineering Ltd", "pennine-eng", _MFG),
        ("Harbourside Retail Ltd", "harbourside", _RET),
        ("Kestrel Software Ltd", "kestrel-software", _SW),
        ("Severn Freight plc", "severn-freight", _LOG),
        ("The Old Mill Hotel Ltd", "oldmillhotel", _HOS),
    ),
    stems=_names(
        "Thames/thames, Severn/severn, Pennine/pennine, Cotswold/cotswold, "
        "Kestrel/kestrel, Harbour/harbour, Mersey/mersey, Tyne/tyne"
    ),
    sectors=(
        ("Logistics", "logistics", _LOG),
        ("Software", "software", _SW),
        ("Engineering", "engineering", _MFG),
        ("Retail", "retail", _RET),
        ("Freight", "freight", _LOG),
        ("Farms", "farms", _AGR),
    ),
    company_format="{stem} {sector} Ltd",
    cities=("Leeds", "Bristol", "York", "Derby", "Hull", "Norwich"),
)

RUSSIAN = Locale(
    key="ru",
    region="CIS",
    tld="ru",
    phone="+7 ### ###-##-##",
    male=_names(
        "Алексей/aleksey, Дмитрий/dmitry, Сергей/sergey, Андрей/andrey, "
        "Михаил/mikhail, Игорь/igor, Николай/nikolay"
    ),
    female=_names(
        "Анна/anna, Елена/elena, Ольга/olga, Наталья/natalya, Татьяна/tatyana, "
        "Мария/maria, Ирина/irina"
    ),
    surnames=_names(
        "Иванов/ivanov, Смирнов/smirnov, Кузнецов/kuznetsov, Попов/popov, "
        "Соколов/sokolov, Волков/volkov, Морозов/morozov, Лебедев/lebedev"
    ),
    surnames_female=_names(
        "Иванова/ivanova, Смирнова/smirnova, Кузнецова/kuznetsova, "
        "Попова/popova, Соколова/sokolova, Волкова/volkova, "
        "Морозова/morozova, Лебедева/lebedeva"
    ),
    companies=(
        ("ООО «ТехноСфера»", "technosfera", _SW),
        ("ООО «Волга Трейд»", "volga-trade", _RET),
        ("ООО «СибирьСофт»", "sibirsoft", _SW),
        ("АО «Невские Системы»", "nevsky-systems", _SW),
        ("ООО «Камский Завод Профилей»", "kzp-kama", _MFG),
        ("ООО «Меридиан Ритейл»", "meridian-retail", _RET),
        ("ООО «Балтийская Логистика»", "baltlogistika", _LOG),
        ("КФХ «Заря»", "zarya-agro", _AGR),
    ),
    stems=_names(
        "Волга/volga, Урал/ural, Нева/neva, Ока/oka, Кама/kama, Енисей/enisey, "
        "Алтай/altai, Байкал/baikal"
    ),
    sectors=(
        ("Транс", "trans", _LOG),
        ("Софт", "soft", _SW),
        ("Пром", "prom", _MFG),
        ("Торг", "torg", _RET),
        ("Системы", "sistemy", _SW),
        ("Агро", "agro", _AGR),
    ),
    company_format="ООО «{stem}{sector}»",
    cities=("Казань", "Самара", "Пермь", "Тула", "Омск", "Тверь"),
)

UKRAINIAN = Locale(
    key="uk",
    region="EU",
    tld="ua",
    phone="+380 ## ### ####",
    male=_names(
        "Олександр/oleksandr, Андрій/andriy, Тарас/taras, Богдан/bohdan, "
        "Микола/mykola, Василь/vasyl, Дмитро/dmytro"
    ),
    female=_names(
        "Олена/olena, Оксана/oksana, Ірина/iryna, Наталія/nataliia, "
        "Катерина/kateryna, Софія/sofiia, Галина/halyna"
    ),
    surnames=_names(
        "Шевченко/shevchenko, Коваленко/kovalenko, Бондаренко/bondarenko, "
        "Ткаченко/tkachenko, Кравчук/kravchuk, Мельник/melnyk, Савчук/savchuk, "
        "Бойко/boiko"
    ),
    companies=(
        ("ТОВ «Дніпро Логістик»", "dnipro-logistic", _LOG),
        ("ТОВ «Карпати Софт»", "karpaty-soft", _SW),
        ("ТОВ «Поділля Машбуд»", "podillia-mashbud", _MFG),
        ("ТОВ «Київ Ритейл Груп»", "kyiv-retail", _RET),
        ("ПрАТ «Чорноморська Торгова Компанія»", "chtk", _RET),
        ("ТОВ «Світанок Агро»", "svitanok-agro", _AGR),
        ("ТОВ «Галицькі Системи»", "halytski-systemy", _SW),
        ("ТОВ «Десна Транс»", "desna-trans", _LOG),
    ),
    stems=_names(
        "Дніпро/dnipro, Десна/desna, Карпати/karpaty, Поділля/podillia, Буг/buh, "
        "Говерла/hoverla, Світязь/svitiaz, Рось/ros"
    ),
    sectors=(
        ("Логістик", "logistyk", _LOG),
        ("Софт", "soft", _SW),
        ("Машбуд", "mashbud", _MFG),
        ("Трейд", "treid", _RET),
        ("Транс", "trans", _LOG),
        ("Агро", "agro", _AGR),
    ),
    company_format="ТОВ «{stem} {sector}»",
    cities=("Львів", "Одеса", "Харків", "Вінниця", "Полтава", "Черкаси"),
)

SERBIAN = Locale(
    key="sr",
    region="EU",
    tld="rs",
    phone="+381 ## ### ####",
    male=_names(
        "Марко/marko, Никола/nikola, Стефан/stefan, Милош/milos, Душан/dusan, Ненад/nenad, Вук/vuk"
    ),
    female=_names(
        "Јелена/jelena, Милица/milica, Ана/ana, Драгана/dragana, Ивана/ivana, "
        "Марија/marija, Снежана/snezana"
    ),
    surnames=_names(
        "Јовановић/jovanovic, Петровић/petrovic, Николић/nikolic, "
        "Марковић/markovic, Ђорђевић/djordjevic, Стојановић/stojanovic, Илић/ilic"
    ),
    companies=(
        ("Дунав Логистика д.о.о.", "dunav-logistika", _LOG),
        ("Морава Софтвер д.о.о.", "morava-softver", _SW),
        ("Авала Индустрија а.д.", "avala-industrija", _MFG),
        ("Шумадија Трговина д.о.о.", "sumadija-trgovina", _RET),
        ("Нови Сад Системи д.о.о.", "ns-sistemi", _SW),
        ("Копаоник Туризам д.о.о.", "kopaonik-turizam", _HOS),
        ("Тара Транспорт д.о.о.", "tara-transport", _LOG),
        ("Златибор Метал а.д.", "zlatibor-metal", _MFG),
    ),
    stems=_names(
        "Дунав/dunav, Морава/morava, Сава/sava, Тара/tara, Дрина/drina, "
        "Авала/avala, Тиса/tisa, Ибар/ibar"
    ),
    sectors=(
        ("Логистика", "logistika", _LOG),
        ("Софтвер", "softver", _SW),
        ("Индустрија", "industrija", _MFG),
        ("Трговина", "trgovina", _RET),
        ("Транспорт", "transport", _LOG),
        ("Агро", "agro", _AGR),
    ),
    company_format="{stem} {sector} д.о.о.",
    cities=("Ниш", "Крагујевац", "Суботица", "Чачак", "Зрењанин", "Ваљево"),
)

ARMENIAN = Locale(
    key="hy",
    region="Caucasus",
    tld="am",
    phone="+374 ## ######",
    male=_names(
        "Արամ/aram, Արմեն/armen, Տիգրան/tigran, Դավիթ/davit, Գևորգ/gevorg, Հայկ/hayk, Սամվել/samvel"
    ),
    female=_names(
        "Անի/ani, Լուսինե/lusine, Նարինե/narine, Մարիամ/mariam, Աննա/anna, Գայանե/gayane, Սոնա/sona"
    ),
    surnames=_names(
        "Հովհաննիսյան/hovhannisyan, Պետրոսյան/petrosyan, Սարգսյան/sargsyan, "
        "Գրիգորյան/grigoryan, Հարությունյան/harutyunyan, Մկրտչյան/mkrtchyan, "
        "Ավետիսյան/avetisyan, Խաչատրյան/khachatryan"
    ),
    companies=(
        ("«Արարատ Տեխնոլոջիս»", "ararat-tech", _SW),
        ("«Սևան Լոգիստիկ»", "sevan-logistic", _LOG),
        ("«Արագած Ինժեներինգ»", "aragats-engineering", _MFG),
        ("«Երևան Սոֆթ»", "yerevan-soft", _SW),
        ("«Գյումրի Մետալ»", "gyumri-metal", _MFG),
        ("«Դիլիջան Թրեյդ»", "dilijan-trade", _RET),
        ("«Զվարթնոց Կարգո»", "zvartnots-cargo", _LOG),
        ("«Գառնի Ագրո»", "garni-agro", _AGR),
    ),
    stems=_names(
        "Արարատ/ararat, Սևան/sevan, Արագած/aragats, Գառնի/garni, Դիլիջան/dilijan, "
        "Մասիս/masis, Որոտան/vorotan, Հրազդան/hrazdan"
    ),
    sectors=(
        ("Տեխնոլոջիս", "tech", _SW),
        ("Լոգիստիկ", "logistic", _LOG),
        ("Ինժեներինգ", "engineering", _MFG),
        ("Թրեյդ", "trade", _RET),
        ("Մետալ", "metal", _MFG),
        ("Ագրո", "agro", _AGR),
    ),
    company_format="«{stem} {sector}»",
    cities=("Գյումրի", "Վանաձոր", "Աբովյան", "Կապան", "Արտաշատ", "Հրազդան"),
)

CHINESE = Locale(
    key="zh",
    region="APAC",
    tld="cn",
    phone="+86 ## #### ####",
    male=_names("伟/wei, 强/qiang, 磊/lei, 军/jun, 建国/jianguo, 志明/zhiming, 浩/hao, 鹏/peng"),
    female=_names("芳/fang, 娜/na, 敏/min, 静/jing, 丽/li, 秀英/xiuying, 婷/ting, 雪/xue"),
    surnames=_names(
        "王/wang, 李/li, 张/zhang, 刘/liu, 陈/chen, 杨/yang, 赵/zhao, 黄/huang, 周/zhou, 吴/wu"
    ),
    family_first=True,
    joiner="",
    companies=(
        ("华信科技有限公司", "huaxin-tech", _SW),
        ("上海锦程制造有限公司", "jincheng-mfg", _MFG),
        ("深圳星河电子有限公司", "xinghe-elec", _MFG),
        ("北京中科软件有限公司", "zhongke-soft", _SW),
        ("广州恒通贸易有限公司", "hengtong-trade", _RET),
        ("杭州云帆零售有限公司", "yunfan-retail", _RET),
        ("成都天府供应链管理有限公司", "tianfu-scm", _LOG),
        ("山东绿源农业有限公司", "lvyuan-agri", _AGR),
    ),
    stems=_names(
        "华信/huaxin, 东方/dongfang, 锦程/jincheng, 星河/xinghe, 中科/zhongke, "
        "恒通/hengtong, 云帆/yunfan, 长江/changjiang, 海川/haichuan, 天府/tianfu"
    ),
    sectors=(
        ("科技", "keji", _SW),
        ("物流", "wuliu", _LOG),
        ("制造", "zhizao", _MFG),
        ("电子", "dianzi", _MFG),
        ("贸易", "maoyi", _RET),
        ("农业", "nongye", _AGR),
    ),
    company_format="{stem}{sector}有限公司",
    cities=("上海", "深圳", "苏州", "武汉", "西安", "杭州"),
    city_format="{city}{name}",
)

LOCALES: tuple[Locale, ...] = (
    GERMAN,
    RUSSIAN,
    CHINESE,
    FRENCH,
    ARMENIAN,
    POLISH,
    UKRAINIAN,
    ROMANIAN,
    SERBIAN,
    ALBANIAN,
    ENGLISH,
)
"""Every locale; the scripted sample walks them in this order so each script appears."""

LOCALE_WEIGHTS: tuple[int, ...] = (16, 10, 9, 10, 7, 10, 8, 10, 6, 6, 8)
"""Relative frequency of each locale in a large generated pipeline."""

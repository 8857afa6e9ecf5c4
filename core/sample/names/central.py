"""Name pools for the sample pipeline from central and south-eastern Europe: Polish,
Romanian, Albanian and Serbian."""

from __future__ import annotations

from leadline.core.sample.names.locale import AGR, CON, HOS, LOG, MFG, RET, SW, Locale, name_pairs

POLISH = Locale(
    key="pl",
    region="EU",
    tld="pl",
    phone="+48 ## ### ## ##",
    male=name_pairs(
        "Piotr/piotr, Krzysztof/krzysztof, Tomasz/tomasz, Paweł/pawel, "
        "Marcin/marcin, Michał/michal, Jakub/jakub"
    ),
    female=name_pairs(
        "Agnieszka/agnieszka, Katarzyna/katarzyna, Magdalena/magdalena, "
        "Joanna/joanna, Monika/monika, Małgorzata/malgorzata, Zofia/zofia"
    ),
    surnames=name_pairs(
        "Kowalski/kowalski, Nowak/nowak, Wiśniewski/wisniewski, Wójcik/wojcik, "
        "Kamiński/kaminski, Lewandowski/lewandowski, Zieliński/zielinski"
    ),
    surnames_female=name_pairs(
        "Kowalska/kowalska, Nowak/nowak, Wiśniewska/wisniewska, "
        "Wójcik/wojcik, Kamińska/kaminska, Lewandowska/lewandowska, "
        "Zielińska/zielinska"
    ),
    companies=(
        ("Wisła Logistyka Sp. z o.o.", "wisla-logistyka", LOG),
        ("Bałtyk Soft Sp. z o.o.", "baltyk-soft", SW),
        ("Tatry Produkcja S.A.", "tatry-produkcja", MFG),
        ("Odra Handel Sp. z o.o.", "odra-handel", RET),
        ("Polmet Konstrukcje Sp. z o.o.", "polmet", MFG),
        ("Krakowskie Centrum Dystrybucji Sp. z o.o.", "kcd-krakow", LOG),
        ("Gospodarstwo Rolne Zielony Łan", "zielonylan", AGR),
        ("Mazury Systemy IT Sp. z o.o.", "mazury-it", SW),
    ),
    stems=name_pairs(
        "Wisła/wisla, Odra/odra, Warta/warta, Bałtyk/baltyk, Tatry/tatry, "
        "Mazowsze/mazowsze, Śląsk/slask, Pomorze/pomorze"
    ),
    sectors=(
        ("Logistyka", "logistyka", LOG),
        ("Soft", "soft", SW),
        ("Produkcja", "produkcja", MFG),
        ("Handel", "handel", RET),
        ("Transport", "transport", LOG),
        ("Agro", "agro", AGR),
    ),
    company_format="{stem} {sector} Sp. z o.o.",
    cities=("Kraków", "Gdańsk", "Poznań", "Wrocław", "Łódź", "Lublin"),
)

ROMANIAN = Locale(
    key="ro",
    region="EU",
    tld="ro",
    phone="+40 ## ### ####",
    male=name_pairs(
        "Andrei/andrei, Mihai/mihai, Alexandru/alexandru, Ionuț/ionut, "
        "Bogdan/bogdan, Cristian/cristian, Radu/radu"
    ),
    female=name_pairs(
        "Ioana/ioana, Elena/elena, Andreea/andreea, Maria/maria, Alina/alina, "
        "Ramona/ramona, Irina/irina"
    ),
    surnames=name_pairs(
        "Popescu/popescu, Ionescu/ionescu, Popa/popa, Dumitrescu/dumitrescu, "
        "Stan/stan, Stoica/stoica, Georgescu/georgescu, Munteanu/munteanu"
    ),
    companies=(
        ("Carpatica Logistic SRL", "carpatica-logistic", LOG),
        ("Transilvania Soft SRL", "transilvania-soft", SW),
        ("Bucovina Prod SA", "bucovina-prod", MFG),
        ("Delta Distribuție SRL", "delta-distributie", RET),
        ("Mureș Industrial SRL", "mures-industrial", MFG),
        ("Ardeal Trans SRL", "ardeal-trans", LOG),
        ("Agroferma Bărăgan SRL", "agroferma-baragan", AGR),
        ("Dobrogea Retail SA", "dobrogea-retail", RET),
    ),
    stems=name_pairs(
        "Carpatica/carpatica, Ardeal/ardeal, Bucovina/bucovina, Dobrogea/dobrogea, "
        "Oltenia/oltenia, Muntenia/muntenia, Banat/banat, Someș/somes"
    ),
    sectors=(
        ("Logistic", "logistic", LOG),
        ("Soft", "soft", SW),
        ("Prod", "prod", MFG),
        ("Distribuție", "distributie", RET),
        ("Trans", "trans", LOG),
        ("Agro", "agro", AGR),
    ),
    company_format="{stem} {sector} SRL",
    cities=("Cluj", "Iași", "Timișoara", "Brașov", "Constanța", "Oradea"),
)

ALBANIAN = Locale(
    key="sq",
    region="EU",
    tld="al",
    phone="+355 ## ### ####",
    male=name_pairs(
        "Arben/arben, Ilir/ilir, Besnik/besnik, Gentian/gentian, Dritan/dritan, "
        "Erion/erion, Fatmir/fatmir"
    ),
    female=name_pairs(
        "Elona/elona, Arta/arta, Blerina/blerina, Anila/anila, Mirela/mirela, "
        "Jonida/jonida, Entela/entela"
    ),
    surnames=name_pairs(
        "Hoxha/hoxha, Shehu/shehu, Leka/leka, Gjoka/gjoka, Basha/basha, "
        "Çela/cela, Krasniqi/krasniqi, Dervishi/dervishi"
    ),
    companies=(
        ("Dajti Logjistikë sh.p.k.", "dajti-logjistike", LOG),
        ("Adriatik Soft sh.p.k.", "adriatik-soft", SW),
        ("Iliria Teknologji sh.p.k.", "iliria-tek", SW),
        ("Shkodra Prodhim sh.a.", "shkodra-prodhim", MFG),
        ("Vlora Tregti sh.p.k.", "vlora-tregti", RET),
        ("Butrint Turizëm sh.p.k.", "butrint-turizem", HOS),
        ("Korça Transport sh.p.k.", "korca-transport", LOG),
        ("Drini Ndërtim sh.p.k.", "drini-ndertim", CON),
    ),
    stems=name_pairs(
        "Dajti/dajti, Adriatik/adriatik, Iliria/iliria, Shkodra/shkodra, "
        "Vlora/vlora, Korça/korca, Drini/drini, Tomorri/tomorri"
    ),
    sectors=(
        ("Logjistikë", "logjistike", LOG),
        ("Soft", "soft", SW),
        ("Prodhim", "prodhim", MFG),
        ("Tregti", "tregti", RET),
        ("Transport", "transport", LOG),
        ("Turizëm", "turizem", HOS),
    ),
    company_format="{stem} {sector} sh.p.k.",
    cities=("Tiranë", "Durrës", "Elbasan", "Fier", "Berat", "Shkodër"),
)

SERBIAN = Locale(
    key="sr",
    region="EU",
    tld="rs",
    phone="+381 ## ### ####",
    male=name_pairs(
        "Марко/marko, Никола/nikola, Стефан/stefan, Милош/milos, Душан/dusan, Ненад/nenad, Вук/vuk"
    ),
    female=name_pairs(
        "Јелена/jelena, Милица/milica, Ана/ana, Драгана/dragana, Ивана/ivana, "
        "Марија/marija, Снежана/snezana"
    ),
    surnames=name_pairs(
        "Јовановић/jovanovic, Петровић/petrovic, Николић/nikolic, "
        "Марковић/markovic, Ђорђевић/djordjevic, Стојановић/stojanovic, Илић/ilic"
    ),
    companies=(
        ("Дунав Логистика д.о.о.", "dunav-logistika", LOG),
        ("Морава Софтвер д.о.о.", "morava-softver", SW),
        ("Авала Индустрија а.д.", "avala-industrija", MFG),
        ("Шумадија Трговина д.о.о.", "sumadija-trgovina", RET),
        ("Нови Сад Системи д.о.о.", "ns-sistemi", SW),
        ("Копаоник Туризам д.о.о.", "kopaonik-turizam", HOS),
        ("Тара Транспорт д.о.о.", "tara-transport", LOG),
        ("Златибор Метал а.д.", "zlatibor-metal", MFG),
    ),
    stems=name_pairs(
        "Дунав/dunav, Морава/morava, Сава/sava, Тара/tara, Дрина/drina, "
        "Авала/avala, Тиса/tisa, Ибар/ibar"
    ),
    sectors=(
        ("Логистика", "logistika", LOG),
        ("Софтвер", "softver", SW),
        ("Индустрија", "industrija", MFG),
        ("Трговина", "trgovina", RET),
        ("Транспорт", "transport", LOG),
        ("Агро", "agro", AGR),
    ),
    company_format="{stem} {sector} д.о.о.",
    cities=("Ниш", "Крагујевац", "Суботица", "Чачак", "Зрењанин", "Ваљево"),
)

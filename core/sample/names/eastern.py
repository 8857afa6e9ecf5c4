"""Name pools for the sample pipeline from eastern Europe, the Caucasus and Asia: Russian,
Ukrainian (Cyrillic), Armenian and Chinese, each in its own script."""

from __future__ import annotations

from leadline.core.sample.names.locale import AGR, LOG, MFG, RET, SW, Locale, name_pairs

RUSSIAN = Locale(
    key="ru",
    region="CIS",
    tld="ru",
    phone="+7 ### ###-##-##",
    male=name_pairs(
        "Алексей/aleksey, Дмитрий/dmitry, Сергей/sergey, Андрей/andrey, "
        "Михаил/mikhail, Игорь/igor, Николай/nikolay"
    ),
    female=name_pairs(
        "Анна/anna, Елена/elena, Ольга/olga, Наталья/natalya, Татьяна/tatyana, "
        "Мария/maria, Ирина/irina"
    ),
    surnames=name_pairs(
        "Иванов/ivanov, Смирнов/smirnov, Кузнецов/kuznetsov, Попов/popov, "
        "Соколов/sokolov, Волков/volkov, Морозов/morozov, Лебедев/lebedev"
    ),
    surnames_female=name_pairs(
        "Иванова/ivanova, Смирнова/smirnova, Кузнецова/kuznetsova, "
        "Попова/popova, Соколова/sokolova, Волкова/volkova, "
        "Морозова/morozova, Лебедева/lebedeva"
    ),
    companies=(
        ("ООО «ТехноСфера»", "technosfera", SW),
        ("ООО «Волга Трейд»", "volga-trade", RET),
        ("ООО «СибирьСофт»", "sibirsoft", SW),
        ("АО «Невские Системы»", "nevsky-systems", SW),
        ("ООО «Камский Завод Профилей»", "kzp-kama", MFG),
        ("ООО «Меридиан Ритейл»", "meridian-retail", RET),
        ("ООО «Балтийская Логистика»", "baltlogistika", LOG),
        ("КФХ «Заря»", "zarya-agro", AGR),
    ),
    stems=name_pairs(
        "Волга/volga, Урал/ural, Нева/neva, Ока/oka, Кама/kama, Енисей/enisey, "
        "Алтай/altai, Байкал/baikal"
    ),
    sectors=(
        ("Транс", "trans", LOG),
        ("Софт", "soft", SW),
        ("Пром", "prom", MFG),
        ("Торг", "torg", RET),
        ("Системы", "sistemy", SW),
        ("Агро", "agro", AGR),
    ),
    company_format="ООО «{stem}{sector}»",
    cities=("Казань", "Самара", "Пермь", "Тула", "Омск", "Тверь"),
)

UKRAINIAN = Locale(
    key="uk",
    region="EU",
    tld="ua",
    phone="+380 ## ### ####",
    male=name_pairs(
        "Олександр/oleksandr, Андрій/andriy, Тарас/taras, Богдан/bohdan, "
        "Микола/mykola, Василь/vasyl, Дмитро/dmytro"
    ),
    female=name_pairs(
        "Олена/olena, Оксана/oksana, Ірина/iryna, Наталія/nataliia, "
        "Катерина/kateryna, Софія/sofiia, Галина/halyna"
    ),
    surnames=name_pairs(
        "Шевченко/shevchenko, Коваленко/kovalenko, Бондаренко/bondarenko, "
        "Ткаченко/tkachenko, Кравчук/kravchuk, Мельник/melnyk, Савчук/savchuk, "
        "Бойко/boiko"
    ),
    companies=(
        ("ТОВ «Дніпро Логістик»", "dnipro-logistic", LOG),
        ("ТОВ «Карпати Софт»", "karpaty-soft", SW),
        ("ТОВ «Поділля Машбуд»", "podillia-mashbud", MFG),
        ("ТОВ «Київ Ритейл Груп»", "kyiv-retail", RET),
        ("ПрАТ «Чорноморська Торгова Компанія»", "chtk", RET),
        ("ТОВ «Світанок Агро»", "svitanok-agro", AGR),
        ("ТОВ «Галицькі Системи»", "halytski-systemy", SW),
        ("ТОВ «Десна Транс»", "desna-trans", LOG),
    ),
    stems=name_pairs(
        "Дніпро/dnipro, Десна/desna, Карпати/karpaty, Поділля/podillia, Буг/buh, "
        "Говерла/hoverla, Світязь/svitiaz, Рось/ros"
    ),
    sectors=(
        ("Логістик", "logistyk", LOG),
        ("Софт", "soft", SW),
        ("Машбуд", "mashbud", MFG),
        ("Трейд", "treid", RET),
        ("Транс", "trans", LOG),
        ("Агро", "agro", AGR),
    ),
    company_format="ТОВ «{stem} {sector}»",
    cities=("Львів", "Одеса", "Харків", "Вінниця", "Полтава", "Черкаси"),
)

ARMENIAN = Locale(
    key="hy",
    region="Caucasus",
    tld="am",
    phone="+374 ## ######",
    male=name_pairs(
        "Արամ/aram, Արմեն/armen, Տիգրան/tigran, Դավիթ/davit, Գևորգ/gevorg, Հայկ/hayk, Սամվել/samvel"
    ),
    female=name_pairs(
        "Անի/ani, Լուսինե/lusine, Նարինե/narine, Մարիամ/mariam, Աննա/anna, Գայանե/gayane, Սոնա/sona"
    ),
    surnames=name_pairs(
        "Հովհաննիսյան/hovhannisyan, Պետրոսյան/petrosyan, Սարգսյան/sargsyan, "
        "Գրիգորյան/grigoryan, Հարությունյան/harutyunyan, Մկրտչյան/mkrtchyan, "
        "Ավետիսյան/avetisyan, Խաչատրյան/khachatryan"
    ),
    companies=(
        ("«Արարատ Տեխնոլոջիս»", "ararat-tech", SW),
        ("«Սևան Լոգիստիկ»", "sevan-logistic", LOG),
        ("«Արագած Ինժեներինգ»", "aragats-engineering", MFG),
        ("«Երևան Սոֆթ»", "yerevan-soft", SW),
        ("«Գյումրի Մետալ»", "gyumri-metal", MFG),
        ("«Դիլիջան Թրեյդ»", "dilijan-trade", RET),
        ("«Զվարթնոց Կարգո»", "zvartnots-cargo", LOG),
        ("«Գառնի Ագրո»", "garni-agro", AGR),
    ),
    stems=name_pairs(
        "Արարատ/ararat, Սևան/sevan, Արագած/aragats, Գառնի/garni, Դիլիջան/dilijan, "
        "Մասիս/masis, Որոտան/vorotan, Հրազդան/hrazdan"
    ),
    sectors=(
        ("Տեխնոլոջիս", "tech", SW),
        ("Լոգիստիկ", "logistic", LOG),
        ("Ինժեներինգ", "engineering", MFG),
        ("Թրեյդ", "trade", RET),
        ("Մետալ", "metal", MFG),
        ("Ագրո", "agro", AGR),
    ),
    company_format="«{stem} {sector}»",
    cities=("Գյումրի", "Վանաձոր", "Աբովյան", "Կապան", "Արտաշատ", "Հրազդան"),
)

CHINESE = Locale(
    key="zh",
    region="APAC",
    tld="cn",
    phone="+86 ## #### ####",
    male=name_pairs(
        "伟/wei, 强/qiang, 磊/lei, 军/jun, 建国/jianguo, 志明/zhiming, 浩/hao, 鹏/peng"
    ),
    female=name_pairs("芳/fang, 娜/na, 敏/min, 静/jing, 丽/li, 秀英/xiuying, 婷/ting, 雪/xue"),
    surnames=name_pairs(
        "王/wang, 李/li, 张/zhang, 刘/liu, 陈/chen, 杨/yang, 赵/zhao, 黄/huang, 周/zhou, 吴/wu"
    ),
    family_first=True,
    joiner="",
    companies=(
        ("华信科技有限公司", "huaxin-tech", SW),
        ("上海锦程制造有限公司", "jincheng-mfg", MFG),
        ("深圳星河电子有限公司", "xinghe-elec", MFG),
        ("北京中科软件有限公司", "zhongke-soft", SW),
        ("广州恒通贸易有限公司", "hengtong-trade", RET),
        ("杭州云帆零售有限公司", "yunfan-retail", RET),
        ("成都天府供应链管理有限公司", "tianfu-scm", LOG),
        ("山东绿源农业有限公司", "lvyuan-agri", AGR),
    ),
    stems=name_pairs(
        "华信/huaxin, 东方/dongfang, 锦程/jincheng, 星河/xinghe, 中科/zhongke, "
        "恒通/hengtong, 云帆/yunfan, 长江/changjiang, 海川/haichuan, 天府/tianfu"
    ),
    sectors=(
        ("科技", "keji", SW),
        ("物流", "wuliu", LOG),
        ("制造", "zhizao", MFG),
        ("电子", "dianzi", MFG),
        ("贸易", "maoyi", RET),
        ("农业", "nongye", AGR),
    ),
    company_format="{stem}{sector}有限公司",
    cities=("上海", "深圳", "苏州", "武汉", "西安", "杭州"),
    city_format="{city}{name}",
)

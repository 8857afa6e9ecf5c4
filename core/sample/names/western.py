"""Name pools for the sample pipeline from Western Europe: German, French and English."""

from __future__ import annotations

from leadline.core.sample.names.locale import AGR, HOS, LOG, MFG, PUB, RET, SW, Locale, name_pairs

GERMAN = Locale(
    key="de",
    region="EU",
    tld="de",
    phone="+49 ## #######",
    male=name_pairs(
        "Lukas/lukas, Jonas/jonas, Thomas/thomas, Michael/michael, Stefan/stefan, "
        "Andreas/andreas, Matthias/matthias, Jürgen/juergen"
    ),
    female=name_pairs(
        "Anna/anna, Julia/julia, Katrin/katrin, Sabine/sabine, Laura/laura, "
        "Miriam/miriam, Claudia/claudia, Birgit/birgit"
    ),
    surnames=name_pairs(
        "Müller/mueller, Schmidt/schmidt, Schneider/schneider, Fischer/fischer, "
        "Weber/weber, Becker/becker, Hoffmann/hoffmann, Schäfer/schaefer, Wagner/wagner"
    ),
    companies=(
        ("Nordwind Logistik GmbH", "nordwind-logistik", LOG),
        ("Bergmann Maschinenbau AG", "bergmann-maschinenbau", MFG),
        ("Rheintal Software GmbH", "rheintal-software", SW),
        ("Alpenblick Handel GmbH", "alpenblick-handel", RET),
        ("Schwarzwald Präzisionstechnik GmbH", "sw-praezision", MFG),
        ("Elbe Spedition KG", "elbe-spedition", LOG),
        ("Hansa Datensysteme GmbH", "hansa-daten", SW),
        ("Gasthof Lindenhof GmbH", "lindenhof-gasthof", HOS),
    ),
    stems=name_pairs(
        "Nord/nord, Süd/sued, Rhein/rhein, Elbe/elbe, Isar/isar, Main/main, "
        "Harz/harz, Weser/weser, Spree/spree, Mosel/mosel"
    ),
    sectors=(
        ("Logistik", "logistik", LOG),
        ("Software", "software", SW),
        ("Maschinenbau", "maschinenbau", MFG),
        ("Handel", "handel", RET),
        ("Fördertechnik", "foerdertechnik", MFG),
        ("Agrar", "agrar", AGR),
    ),
    company_format="{stem} {sector} GmbH",
    cities=("Köln", "Hamburg", "Leipzig", "München", "Stuttgart", "Dresden"),
)

FRENCH = Locale(
    key="fr",
    region="EU",
    tld="fr",
    phone="+33 # ## ## ## ##",
    male=name_pairs(
        "Julien/julien, Nicolas/nicolas, Thomas/thomas, Pierre/pierre, "
        "Antoine/antoine, Mathieu/mathieu, François/francois"
    ),
    female=name_pairs(
        "Camille/camille, Sophie/sophie, Claire/claire, Émilie/emilie, "
        "Isabelle/isabelle, Céline/celine, Hélène/helene"
    ),
    surnames=name_pairs(
        "Martin/martin, Bernard/bernard, Dubois/dubois, Lefèvre/lefevre, "
        "Moreau/moreau, Laurent/laurent, Girard/girard, Rousseau/rousseau"
    ),
    companies=(
        ("Lumière Logistique SAS", "lumiere-logistique", LOG),
        ("Ardoise Informatique SAS", "ardoise-info", SW),
        ("Beaulieu Industrie SA", "beaulieu-industrie", MFG),
        ("Soleil Distribution SAS", "soleil-distribution", RET),
        ("Loire Emballages SA", "loire-emballages", MFG),
        ("Transports Garnier et Fils", "transports-garnier", LOG),
        ("Mairie de Saint-Aubin", "saint-aubin", PUB),
        ("Provence Commerce SARL", "provence-commerce", RET),
    ),
    stems=name_pairs(
        "Loire/loire, Provence/provence, Atlantique/atlantique, Alpes/alpes, "
        "Seine/seine, Bretagne/bretagne, Azur/azur, Rhône/rhone"
    ),
    sectors=(
        ("Logistique", "logistique", LOG),
        ("Informatique", "informatique", SW),
        ("Industrie", "industrie", MFG),
        ("Distribution", "distribution", RET),
        ("Emballages", "emballages", MFG),
        ("Agro", "agro", AGR),
    ),
    company_format="{stem} {sector} SAS",
    cities=("Lyon", "Nantes", "Lille", "Toulouse", "Bordeaux", "Rennes"),
)

ENGLISH = Locale(
    key="en",
    region="EU",
    tld="co.uk",
    phone="+44 ## #### ####",
    male=name_pairs(
        "James/james, Oliver/oliver, Daniel/daniel, Thomas/thomas, Harry/harry, George/george"
    ),
    female=name_pairs(
        "Charlotte/charlotte, Emma/emma, Sarah/sarah, Hannah/hannah, Olivia/olivia, Amelia/amelia"
    ),
    surnames=name_pairs(
        "Smith/smith, Taylor/taylor, Brown/brown, Wilson/wilson, Evans/evans, "
        "Walker/walker, Hughes/hughes, O'Brien/obrien"
    ),
    companies=(
        ("Thames Valley Logistics Ltd", "tv-logistics", LOG),
        ("Pennine Engineering Ltd", "pennine-eng", MFG),
        ("Harbourside Retail Ltd", "harbourside", RET),
        ("Kestrel Software Ltd", "kestrel-software", SW),
        ("Severn Freight plc", "severn-freight", LOG),
        ("The Old Mill Hotel Ltd", "oldmillhotel", HOS),
    ),
    stems=name_pairs(
        "Thames/thames, Severn/severn, Pennine/pennine, Cotswold/cotswold, "
        "Kestrel/kestrel, Harbour/harbour, Mersey/mersey, Tyne/tyne"
    ),
    sectors=(
        ("Logistics", "logistics", LOG),
        ("Software", "software", SW),
        ("Engineering", "engineering", MFG),
        ("Retail", "retail", RET),
        ("Freight", "freight", LOG),
        ("Farms", "farms", AGR),
    ),
    company_format="{stem} {sector} Ltd",
    cities=("Leeds", "Bristol", "York", "Derby", "Hull", "Norwich"),
)

#!/usr/bin/env python3
"""Derive InternMatch's small reference tables from the public NYC data in datasets-source.

Usage (from anywhere; Python 3.8+, standard library only):

    python3 Scripts/derive_reference_tables.py [SOURCE_DIR]

SOURCE_DIR defaults to `../shared/datasets-source`, relative to the repository root (the folder
holding Package.swift). Its SOURCES.md describes where each file came from and on what terms.

Writes, under the repository root:

- `Datasets/reference/schools.csv`: the NYC high schools that offer CTE programs (2021 DOE
  directory), with location, enrollment and the InternMatch clusters their programs map to.
- `Datasets/reference/zip-areas.csv`: NYC modified ZCTAs (ZIP areas) with centroid and population
  (DOHMH).
- `Datasets/reference/sectors.csv`: establishments and average employment by cluster x borough
  (NYS DOL QCEW 2017, the five NYC counties).
- `Datasets/reference/README.md`: what each table holds, how it was derived (the mappings below,
  rendered from the same Python tables), and attribution.
- `Sources/InternMatchGenerator/ReferenceTables+Data.swift`: each CSV's exact text as a Swift raw
  string literal, so the generator needs no files at run time. A test checks that the embedded
  text equals the CSV files byte for byte.

The output is deterministic: rows are sorted, numbers are formatted explicitly, and every file
ends with a newline. Fields never hold commas or double quotes (they are replaced), so the CSVs
can be parsed by splitting on `,` and `\n`.
"""

import csv
import os
import statistics
import sys

# The eight InternMatch clusters (Cluster.nycDefaults), in their canonical order.
CLUSTERS = [
    "automotive", "business", "construction", "culinary",
    "engineering", "healthcare", "it", "media",
]
BOROUGHS = ["Bronx", "Brooklyn", "Manhattan", "Queens", "Staten Island"]

# --------------------------------------------------------------------------------------------
# Schools: CTE program keyword -> cluster.
#
# Each CTE program string is split into fragments (on `,`, `;` and `.`); each fragment takes the
# cluster of the FIRST keyword it contains (case-insensitive), in this order, so that specific
# keywords win over general ones ("software engineering" is IT, "audio engineer" is media,
# "computer integrated manufacturing" is engineering). Fragments with no keyword are ignored.
# --------------------------------------------------------------------------------------------
PROGRAM_KEYWORDS = [
    # Specific phrases that would otherwise hit a more general keyword.
    ("software engineering", "it"),
    ("audio engineer", "media"),
    ("apparel design", "media"),
    ("computer integrated manufacturing", "engineering"),
    ("computer graphics", "media"),
    ("computer forensics", "it"),
    ("electrical engineering", "engineering"),
    ("construction engineering", "construction"),
    ("transit industrial", "automotive"),
    ("sports medicine", "healthcare"),
    ("bio med", "healthcare"),
    ("medical illustration", "media"),
    ("hospitality", "culinary"),
    ("tourism", "culinary"),
    # Automotive & Transportation.
    ("automotive", "automotive"),
    ("auto body", "automotive"),
    ("collision", "automotive"),
    ("aviation", "automotive"),
    ("transit", "automotive"),
    ("vessel", "automotive"),
    ("marine systems", "automotive"),
    ("logistics", "automotive"),
    # Healthcare (before "management", "engineering", "science").
    ("nurs", "healthcare"),
    ("medical", "healthcare"),
    ("dental", "healthcare"),
    ("pharmacy", "healthcare"),
    ("health", "healthcare"),
    ("emt", "healthcare"),
    ("vision technology", "healthcare"),
    ("veterinary", "healthcare"),
    ("animal", "healthcare"),
    ("personal trainer", "healthcare"),
    # Construction & Sustainability.
    ("construction", "construction"),
    ("carpent", "construction"),
    ("electrician", "construction"),
    ("electrical installation", "construction"),
    ("plumbing", "construction"),
    ("hvac", "construction"),
    ("building", "construction"),
    ("sustainab", "construction"),
    ("energy technology", "construction"),
    ("horticulture", "construction"),
    # Culinary Arts, Hospitality & Tourism.
    ("culinary", "culinary"),
    ("chef", "culinary"),
    ("travel", "culinary"),
    # Information Technology.
    ("computer", "it"),
    ("software", "it"),
    ("cisco", "it"),
    ("network", "it"),
    ("information technology", "it"),
    ("aoit", "it"),
    ("web", "it"),
    ("cyber", "it"),
    ("a+", "it"),
    ("app development", "it"),
    ("game", "it"),
    ("e-commerce", "it"),
    ("telecommunication", "it"),
    # Engineering, Architecture & Robotics.
    ("engineer", "engineering"),
    ("robotic", "engineering"),
    ("architect", "engineering"),
    ("drafting", "engineering"),
    ("cadd", "engineering"),
    ("manufacturing", "engineering"),
    ("electromechanical", "engineering"),
    ("pltw", "engineering"),
    ("aquaculture", "engineering"),
    ("marine biology", "engineering"),
    # After the engineering keywords: "Architectural CAD/Preservation Arts" is engineering.
    ("preservation", "construction"),
    # Media Technology & Design.
    ("media", "media"),
    ("graphic", "media"),
    ("film", "media"),
    ("video", "media"),
    ("animation", "media"),
    ("advertising", "media"),
    ("commercial art", "media"),
    ("illustration", "media"),
    ("photography", "media"),
    ("digital art", "media"),
    ("digital design", "media"),
    ("digital communication", "media"),
    ("communication", "media"),
    ("music", "media"),
    ("recording", "media"),
    ("drama", "media"),
    ("dance", "media"),
    ("theatre", "media"),
    ("fashion design", "media"),
    ("cartooning", "media"),
    ("journalism", "media"),
    # Business & Finance (law academies count as business: legal services are professional
    # services, NAICS 5411, which sectors.csv also counts as business).
    ("finance", "business"),
    ("financial", "business"),
    ("entrepreneur", "business"),
    ("virtual enterprise", "business"),
    ("business", "business"),
    ("marketing", "business"),
    ("merchandising", "business"),
    ("commerce", "business"),
    ("law academy", "business"),
    ("legal", "business"),
    ("paralegal", "business"),
    ("management", "business"),
]
# Programs deliberately left unmapped (no InternMatch cluster fits): law enforcement, response &
# recovery, cosmetology, barbering, and generic text ("Introduction to New York Harbor").

# Fallback for a CTE school none of whose program fragments maps: the clusters implied by its
# DOE interest areas (`interest1..12`, each may hold several areas separated by `;`). A school
# that maps to nothing either way is dropped.
INTEREST_CLUSTERS = {
    "Computer Science & Technology": "it",
    "Computer Science": "it",
    "Health Professions": "healthcare",
    "Engineering": "engineering",
    "Architecture": "engineering",
    "Business": "business",
    "Culinary Arts": "culinary",
    "Hospitality, Travel, & Tourism": "culinary",
    "Visual Art & Design": "media",
    "Visual Arts": "media",
    "Performing Arts": "media",
    "Performing Arts/Visual Art & Design": "media",
    "Film/Video": "media",
    "Communications": "media",
}

DOE_BOROUGHS = {
    "BRONX": "Bronx", "BROOKLYN": "Brooklyn", "MANHATTAN": "Manhattan",
    "QUEENS": "Queens", "STATEN IS": "Staten Island",
}
CTE_FLAG = "Career and Technical Education (CTE)"

# --------------------------------------------------------------------------------------------
# Sectors: NAICS -> cluster, with a share of the row's establishments and employment.
#
# The 2017 QCEW file holds only 2- and 3-digit NAICS for counties, so 6-digit industries such
# as 5415 (computer systems design) or 8111 (automotive repair) are not available; NAICS 541
# (professional and technical services) is split across clusters by ASSUMED shares (a rounded
# judgement of the US composition of 541: legal + accounting + management consulting about
# 55%, computer systems design about 15%, architecture/engineering + R&D about 15%,
# advertising + specialized design + photography about 10%; the other 5%, such as veterinary
# services, is left out). NAICS 811 (repair and maintenance) counts half as automotive (8111
# is roughly half of it). No row is counted twice: 2-digit rows are used only where none of
# their 3-digit rows is.
# QCEW suppresses confidential cells; a suppressed (absent) row counts as 0.
# --------------------------------------------------------------------------------------------
NAICS_CLUSTERS = [
    # (NAICS code as in the file, cluster, share, what it is)
    ("48", "automotive", 1.0, "Transportation and Warehousing (48-49)"),
    ("441", "automotive", 1.0, "Motor Vehicle and Parts Dealers"),
    ("811", "automotive", 0.5, "Repair and Maintenance (the automotive half)"),
    ("52", "business", 1.0, "Finance and Insurance"),
    ("55", "business", 1.0, "Management of Companies and Enterprises"),
    ("541", "business", 0.55, "Professional Services: legal, accounting, consulting"),
    ("23", "construction", 1.0, "Construction"),
    ("221", "construction", 1.0, "Utilities"),
    ("562", "construction", 1.0, "Waste Management and Remediation"),
    ("72", "culinary", 1.0, "Accommodation and Food Services"),
    ("311", "culinary", 1.0, "Food Manufacturing"),
    ("312", "culinary", 1.0, "Beverage and Tobacco Product Manufacturing"),
    ("541", "engineering", 0.15, "Professional Services: architecture, engineering, R&D"),
    ("313", "engineering", 1.0, "Textile Mills"),
    ("314", "engineering", 1.0, "Textile Product Mills"),
    ("316", "engineering", 1.0, "Leather and Allied Product Manufacturing"),
    ("321", "engineering", 1.0, "Wood Product Manufacturing"),
    ("322", "engineering", 1.0, "Paper Manufacturing"),
    ("324", "engineering", 1.0, "Petroleum and Coal Products Manufacturing"),
    ("325", "engineering", 1.0, "Chemical Manufacturing"),
    ("326", "engineering", 1.0, "Plastics and Rubber Products Manufacturing"),
    ("327", "engineering", 1.0, "Nonmetallic Mineral Product Manufacturing"),
    ("331", "engineering", 1.0, "Primary Metal Manufacturing"),
    ("332", "engineering", 1.0, "Fabricated Metal Product Manufacturing"),
    ("333", "engineering", 1.0, "Machinery Manufacturing"),
    ("334", "engineering", 1.0, "Computer and Electronic Product Manufacturing"),
    ("335", "engineering", 1.0, "Electrical Equipment and Appliances"),
    ("336", "engineering", 1.0, "Transportation Equipment Manufacturing"),
    ("337", "engineering", 1.0, "Furniture and Related Product Manufacturing"),
    ("339", "engineering", 1.0, "Miscellaneous Manufacturing"),
    ("621", "healthcare", 1.0, "Ambulatory Health Care Services"),
    ("622", "healthcare", 1.0, "Hospitals"),
    ("623", "healthcare", 1.0, "Nursing and Residential Care Facilities"),
    ("446", "healthcare", 1.0, "Health and Personal Care Stores"),
    ("517", "it", 1.0, "Telecommunications"),
    ("518", "it", 1.0, "Data Processing, Hosting and Related"),
    ("519", "it", 1.0, "Other Information Services"),
    ("541", "it", 0.15, "Professional Services: computer systems design"),
    ("511", "media", 1.0, "Publishing Industries"),
    ("512", "media", 1.0, "Motion Picture and Sound Recording"),
    ("515", "media", 1.0, "Broadcasting"),
    ("711", "media", 1.0, "Performing Arts and Spectator Sports"),
    ("323", "media", 1.0, "Printing and Related Support"),
    ("315", "media", 1.0, "Apparel Manufacturing"),
    ("541", "media", 0.10, "Professional Services: advertising, design, photography"),
]
QCEW_COUNTIES = {
    "Bronx County": "Bronx", "Kings County": "Brooklyn", "New York County": "Manhattan",
    "Queens County": "Queens", "Richmond County": "Staten Island",
}

DOE_FILE = "nyc-doe-hs-directory-2021/2021_DOE_High_School_Directory.csv"
ZCTA_FILE = "nyc-dohmh-modzcta/data-by-modzcta.csv"
QCEW_FILE = "nys-dol-qcew-2017/qcew_annual_2017.txt"


def clean(text):
    """A field safe for split-based parsing: no commas, quotes or line breaks."""
    text = text.replace(",", " -").replace('"', "").replace("\r", " ").replace("\n", " ")
    return " ".join(text.split())


def number(text):
    """An integer from text such as "1,822"; None when empty."""
    text = text.replace(",", "").strip()
    return int(float(text)) if text else None


def program_texts(row):
    """The academic-opportunity entries of a school that describe CTE programs."""
    texts = []
    for i in range(1, 7):
        value = row.get("academicopportunities%d" % i, "")
        if "CTE program" in value or value.startswith("CTE in "):
            texts.append(value)
    return texts


def program_clusters(texts):
    """The clusters that the keywords of CTE program texts map to."""
    found = set()
    for text in texts:
        for fragment in text.replace(";", ",").replace(". ", ",").split(","):
            lower = fragment.lower()
            for keyword, cluster in PROGRAM_KEYWORDS:
                if keyword in lower:
                    found.add(cluster)
                    break
    return found


def interest_clusters(row):
    found = set()
    for i in range(1, 13):
        for area in row.get("interest%d" % i, "").split(";"):
            cluster = INTEREST_CLUSTERS.get(area.strip())
            if cluster:
                found.add(cluster)
    return found


def derive_schools(source):
    """Rows of schools.csv and a note on how clusters and enrollment were found."""
    with open(os.path.join(source, DOE_FILE), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    enrollments = [number(r["total_students"]) for r in rows if r["total_students"].strip()]
    median = int(round(statistics.median(enrollments)))
    out, stats = [], {"cte": 0, "programs": 0, "interests": 0, "dropped": [], "imputed": 0}
    for r in rows:
        texts = program_texts(r)
        if CTE_FLAG not in r["addtl_info1"] and not texts:
            continue
        stats["cte"] += 1
        clusters = program_clusters(texts)
        if clusters:
            stats["programs"] += 1
        else:
            clusters = interest_clusters(r)
            if not clusters:
                stats["dropped"].append(r["dbn"])
                continue
            stats["interests"] += 1
        enrollment = number(r["total_students"])
        if enrollment is None:
            enrollment = median
            stats["imputed"] += 1
        out.append([
            r["dbn"].strip(), clean(r["school_name"]), DOE_BOROUGHS[r["Borough"].strip()],
            "%.6f" % float(r["Latitude"]), "%.6f" % float(r["Longitude"]), str(enrollment),
            ";".join(c for c in CLUSTERS if c in clusters),
        ])
    out.sort(key=lambda row: row[0])
    stats["median"] = median
    return out, stats


def derive_zip_areas(source):
    with open(os.path.join(source, ZCTA_FILE), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = []
    for r in rows:
        borough = r["BOROUGH_GROUP"].strip()
        assert borough in BOROUGHS, borough
        out.append([
            r["MODIFIED_ZCTA"].strip(), borough, "%.6f" % float(r["lat"]),
            "%.6f" % float(r["lon"]), str(int(round(float(r["POP_DENOMINATOR"])))),
        ])
    out.sort(key=lambda row: row[0])
    return out


def derive_sectors(source):
    with open(os.path.join(source, QCEW_FILE), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    values = {}
    for r in rows:
        if r["AREATYPE"] == "County" and r["AREA"] in QCEW_COUNTIES:
            key = (QCEW_COUNTIES[r["AREA"]], r["NAICS"].strip())
            values[key] = (float(r["ESTAB"] or 0), float(r["AVGEMP"] or 0))
    out = []
    for cluster in CLUSTERS:
        for borough in BOROUGHS:
            establishments = employment = 0.0
            for code, target, share, _ in NAICS_CLUSTERS:
                if target == cluster:
                    e, m = values.get((borough, code), (0.0, 0.0))
                    establishments += share * e
                    employment += share * m
            out.append([cluster, borough, str(int(round(establishments))),
                        str(int(round(employment)))])
    return out


def csv_text(header, rows):
    lines = [",".join(header)] + [",".join(row) for row in rows]
    for line in lines:
        assert '"' not in line and "\\" not in line and "\r" not in line, line
    return "\n".join(lines) + "\n"


def swift_literal(name, doc, text):
    # swift-format indents the lines of a multi-line literal one level deeper than the `let`.
    body = "".join(("    " + line if line else "") + "\n" for line in text.split("\n"))
    return (
        "  /// %s\n"
        "  static let %s = #\"\"\"\n"
        "%s"
        "    \"\"\"#\n" % (doc, name, body))


def swift_file(tables):
    parts = [
        "// Generated by Scripts/derive_reference_tables.py from Datasets/reference/*.csv.\n",
        "// Do not edit: rerun the script. ReferenceTablesTests checks that the texts match.\n",
        "\n",
        "/// The exact text of each reference CSV, so the generator needs no files at run time.\n",
        "enum ReferenceText {\n",
    ]
    for i, (name, file_name, text) in enumerate(tables):
        if i:
            parts.append("\n")
        parts.append(swift_literal(name, "The text of `Datasets/reference/%s`." % file_name, text))
    parts.append("}\n")
    return "".join(parts)


def markdown_table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def readme(schools, school_stats, zips, sectors):
    keyword_rows = []
    for cluster in CLUSTERS:
        words = [k for k, c in PROGRAM_KEYWORDS if c == cluster]
        keyword_rows.append([cluster, ", ".join("`%s`" % w for w in words)])
    interest_rows = [[area, c] for area, c in INTEREST_CLUSTERS.items()]
    naics_rows = [[code, c, "%g" % share, title] for code, c, share, title in NAICS_CLUSTERS]
    cluster_schools = [[c, sum(1 for s in schools if c in s[6].split(";"))] for c in CLUSTERS]
    dropped = ", ".join(school_stats["dropped"]) or "none"
    return """# Reference tables

Small tables derived from public New York City data by `Scripts/derive_reference_tables.py`, which
also writes this README and embeds each CSV's exact text in
`Sources/InternMatchGenerator/ReferenceTables+Data.swift` (a test checks they match byte for byte).
The synthetic cohort generator (`internmatch generate`) draws schools, homes and worksites from
them. No table contains any student record.

Regenerate with `python3 Scripts/derive_reference_tables.py [SOURCE_DIR]` (default
`../shared/datasets-source`, whose `SOURCES.md` records the upstream of every file).

Every file is UTF-8 CSV with a header, `\\n` line ends and no quoting: fields never contain a
comma or a double quote (commas in names are replaced by ` -`). List fields use `;`.

## schools.csv ({n_schools} rows)
`dbn,name,borough,lat,lon,enrollment,clusters`: the NYC public high schools that offer Career and
Technical Education programs.

- Source: the 2021 DOE High School Directory
  (`{doe}`),
  NYC Open Data dataset `8b6c-7uty`.
- A school is a CTE school when `addtl_info1` contains "{flag}" or
  one of its `academicopportunities1..6` describes a CTE program ("CTE program(s): ...",
  "CTE in ...").
  {n_cte} schools qualify.
- `borough` is `Borough` renamed to Bronx, Brooklyn, Manhattan, Queens, Staten Island; `lat`,
  `lon` are `Latitude`, `Longitude`; `name` is `school_name`.
- `enrollment` is `total_students`. Where it is missing the median of all 442 directory schools
  ({median}) is imputed; {n_imputed} CTE schools needed it.
- `clusters` lists the InternMatch clusters (in canonical order) of the school's CTE programs.
  Each program text is split into fragments on `,` `;` and `. `; a fragment takes the cluster of
  the first keyword below that it contains (case-insensitive; the script's list is ordered so
  that specific phrases such as `software engineering` or `audio engineer` win). Programs that
  fit no cluster (law enforcement, response & recovery, cosmetology, barbering) are ignored.
  {n_programs} schools got their clusters from program keywords; {n_interests} whose programs map
  to nothing got the clusters implied by their DOE interest areas (`interest1..12`, table below);
  schools that map to nothing either way are dropped ({dropped}).

{keywords}

Interest-area fallback:

{interests}

Schools per cluster:

{cluster_schools}

## zip-areas.csv ({n_zips} rows)
`zcta,borough,lat,lon,population`: NYC modified ZIP code tabulation areas (MODZCTA).

- Source: NYC DOHMH `data-by-modzcta.csv` (`nychealth/coronavirus-data`, `totals/`).
- Columns from `MODIFIED_ZCTA`, `BOROUGH_GROUP`, `lat`, `lon` and `POP_DENOMINATOR` (the
  population denominator, rounded to a whole number); the COVID columns are not used.
- The generator places students' homes at a population-weighted ZIP-area centroid of their
  school's borough, and worksites near a ZIP-area centroid of their borough.

## sectors.csv ({n_sectors} rows)
`cluster,borough,establishments,employment`: establishments (`ESTAB`) and average employment
(`AVGEMP`) of the industries mapped to each InternMatch cluster, by borough, 2017.

- Source: NYS Department of Labor Quarterly Census of Employment and Wages, annual 2017
  (`{qcew}`), rows with `AREATYPE` = County for Bronx County
  (Bronx), Kings County (Brooklyn), New York County (Manhattan), Queens County (Queens) and
  Richmond County (Staten Island). Only industry rows are used; government (NAICS 95, reported
  separately) is not.
- Manufacturing counts as engineering, except food and beverage (culinary) and apparel and
  printing (media).
- The county file has 2- and 3-digit NAICS only, so 4-digit industries (5415, 5418, 8111, ...)
  are approximated: NAICS 541 is split by assumed shares (a rounded judgement of the national
  composition of 541, not a figure from these files) and NAICS 811 counts half as automotive.
  No row is counted twice. QCEW suppresses confidential cells: an absent row counts as 0.
  Values are rounded to whole numbers.
- The generator draws worksite boroughs (within a cluster) by establishments.

{naics}

## Attribution and terms
- 2021 DOE High School Directory: New York City Department of Education, published on NYC Open
  Data (https://data.cityofnewyork.us/Education/2021-DOE-High-School-Directory/8b6c-7uty); NYC
  Open Data Terms of Use. Copied unmodified from `Vishita7/A-Treasure-Hunt-through-NYC-Open-Data`.
- Modified ZCTA centroids and population: NYC Department of Health and Mental Hygiene
  (`nychealth/coronavirus-data`); NYC government open data, no explicit license.
- QCEW annual 2017: New York State Department of Labor; NYS government statistics, no explicit
  license. Copied from `JieYingWu/COVID-19_US_County-level_Summaries`.

These tables are derived works: selected columns, renamed values, aggregates and the mappings
above. The mappings and assumed shares are InternMatch's own judgement, not the publishers'.

## How the generator uses them
Schools are drawn by enrollment and give students their borough and cluster; ZIP areas give
homes and worksite locations; sectors give worksite boroughs within a cluster and half of the
cluster mix (the other half follows student demand). Everything else (grades, ages, priority
groups, credentials, schedules, eligibility rules, popularity skew) is an assumption documented
in `Sources/InternMatchGenerator/Calibration.swift`.
""".format(
        n_schools=len(schools), doe=DOE_FILE, flag=CTE_FLAG, n_cte=school_stats["cte"],
        median=school_stats["median"], n_imputed=school_stats["imputed"],
        n_programs=school_stats["programs"], n_interests=school_stats["interests"],
        dropped=dropped,
        keywords=markdown_table(["cluster", "program keywords"], keyword_rows),
        interests=markdown_table(["DOE interest area", "cluster"], interest_rows),
        cluster_schools=markdown_table(["cluster", "schools"], cluster_schools),
        n_zips=len(zips), n_sectors=len(sectors), qcew=QCEW_FILE,
        naics=markdown_table(["NAICS", "cluster", "share", "industry"], naics_rows),
    )


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    print("wrote %s (%d bytes)" % (path, len(text.encode("utf-8"))))


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    source = argv[1] if len(argv) > 1 else os.path.join(root, "..", "shared", "datasets-source")
    source = os.path.abspath(source)
    if not os.path.isdir(source):
        sys.exit("error: source folder %s not found" % source)

    schools, school_stats = derive_schools(source)
    zips = derive_zip_areas(source)
    sectors = derive_sectors(source)

    schools_text = csv_text(
        ["dbn", "name", "borough", "lat", "lon", "enrollment", "clusters"], schools)
    zips_text = csv_text(["zcta", "borough", "lat", "lon", "population"], zips)
    sectors_text = csv_text(["cluster", "borough", "establishments", "employment"], sectors)

    reference = os.path.join(root, "Datasets", "reference")
    write(os.path.join(reference, "schools.csv"), schools_text)
    write(os.path.join(reference, "zip-areas.csv"), zips_text)
    write(os.path.join(reference, "sectors.csv"), sectors_text)
    write(os.path.join(reference, "README.md"), readme(schools, school_stats, zips, sectors))
    write(
        os.path.join(root, "Sources", "InternMatchGenerator", "ReferenceTables+Data.swift"),
        swift_file([
            ("schools", "schools.csv", schools_text),
            ("zipAreas", "zip-areas.csv", zips_text),
            ("sectors", "sectors.csv", sectors_text),
        ]))


if __name__ == "__main__":
    main(sys.argv)

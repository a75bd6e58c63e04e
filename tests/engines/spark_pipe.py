"""Runs `paralign stream` under a real engine: PySpark in local mode, through `RDD.pipe`.

The stream contract is one JSON object per line in ({"id", "en", "fr"}) and JSON lines out,
each carrying the input's "id"; a bad record gets an error record and the stream goes on.
This script builds records from the seed pair (and from the 14 public pairs when ../shared is
there), plus one bad record, pipes them through paralign on two Spark workers, and checks that
every document comes back with its units and the bad one with an error.

    python3 -m pip install pyspark        # Java 17 is needed (it is on the project's machine)
    cargo build --release
    python3 tests/engines/spark_pipe.py

Kept out of `cargo test`: starting a JVM and Spark takes tens of seconds.
"""
import json, os, pathlib, sys

root = pathlib.Path(__file__).resolve().parents[2]
binary = root / "target" / "release" / "paralign"
if not binary.exists():
    sys.exit(f"build first: cargo build --release ({binary} is missing)")

from pyspark.sql import SparkSession  # noqa: E402

records = [{"id": "A/RES/58/135", "en": (root / "data/A-RES-58-135.en.txt").read_text(), "fr": (root / "data/A-RES-58-135.fr.txt").read_text()}]
public = root.parent / "shared/eval-public/un-resolutions-enfr"
if public.is_dir():
    for d in sorted(p for p in public.iterdir() if (p / "gold.json").exists()):
        records.append({"id": d.name, "en": (d / "en.txt").read_text(), "fr": (d / "fr.txt").read_text()})
records.append({"id": "broken", "en": "", "fr": "L’Assemblée générale,"})

spark = SparkSession.builder.master("local[2]").appName("paralign-stream").getOrCreate()
lines = spark.sparkContext.parallelize([json.dumps(r, ensure_ascii=False) for r in records], 4)
out = [json.loads(l) for l in lines.pipe(str(binary) + " stream").collect()]
spark.stop()

by_id = {}
for r in out:
    by_id.setdefault(r["id"], []).append(r)
good = [r["id"] for r in records if r["id"] != "broken"]
missing = [i for i in good if not by_id.get(i) or any("error" in u for u in by_id[i])]
assert not missing, f"documents without units: {missing}"
assert len(by_id["broken"]) == 1 and "error" in by_id["broken"][0], by_id.get("broken")
seed = by_id["A/RES/58/135"]
assert len(seed) == 18 and seed[0]["label"] == "title", seed[:2]
print(f"spark local[2] via RDD.pipe: {len(good)} documents, {sum(len(by_id[i]) for i in good)} units, 1 error record: ok")

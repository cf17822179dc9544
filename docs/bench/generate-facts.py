#!/usr/bin/env python3
"""Writes N facts files (or one JSON lines file) made from the examples, for timing batch analysis.

    docs/bench/generate-facts.py OUT_DIR N            # N files, 1,000 a sub-folder
    docs/bench/generate-facts.py --jsonl OUT.jsonl N  # one JSON lines file of N documents

Each document is an example with its own mailbox, so no two are identical. The data is not committed.
"""
import json, os, sys, pathlib

def load_examples(root):
    docs = []
    for p in sorted(pathlib.Path(root).glob("*.json")):
        docs.append(json.loads(p.read_text()))
    try:
        import yaml
        for p in sorted(pathlib.Path(root).glob("*.yaml")):
            docs.append(yaml.safe_load(p.read_text()))
    except ImportError:
        pass
    for d in docs:  # YAML gives datetime objects for unquoted instants; facts files want strings
        for k, v in list(d.items()):
            if hasattr(v, "isoformat"):
                d[k] = v.isoformat().replace("+00:00", "Z")
    return docs

def document(examples, i):
    """Example i modulo their number, with a mailbox of its own at the example's domain (v3 documents name
    the domain apart, and a mailbox elsewhere is refused)."""
    d = dict(examples[i % len(examples)])
    domain = d.get("domain") or d["mailbox"].split("@", 1)[1]
    d["mailbox"] = f"user{i}@{domain}"
    return d

def main():
    args = sys.argv[1:]
    jsonl = args and args[0] == "--jsonl"
    if jsonl:
        args = args[1:]
    out, n = args[0], int(args[1])
    examples = load_examples(os.path.join(os.path.dirname(__file__), "..", "..", "examples"))
    if jsonl:
        with open(out, "w") as f:
            for i in range(n):
                f.write(json.dumps(document(examples, i), separators=(",", ":")) + "\n")
        return
    for i in range(n):
        d = document(examples, i)
        sub = pathlib.Path(out, f"{i // 1000:04d}")
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"facts-{i:07d}.json").write_text(json.dumps(d, indent=1))

main()

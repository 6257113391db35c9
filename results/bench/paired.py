# Paired differences between two variants of lq bench train, per batch size: the mean, sample std
# and 95% interval (t, n - 1 degrees of freedom) of A minus B over the pairs b{batch}-{A}-{i}.json
# and b{batch}-{B}-{i}.json found in DIR.
# Usage, from the repository root: python3 results/bench/paired.py DIR A B
import json, math, os, statistics as st, sys

T_975 = {2: 12.706, 3: 4.303, 4: 3.182, 5: 2.776, 6: 2.571, 7: 2.447, 8: 2.365, 9: 2.306, 10: 2.262}
directory, a, b = sys.argv[1:4]
for batch in (64, 256, 512):
    rows = []
    for i in range(1, 11):
        fa = os.path.join(directory, f"b{batch}-{a}-{i}.json")
        fb = os.path.join(directory, f"b{batch}-{b}-{i}.json")
        if os.path.exists(fa) and os.path.exists(fb):
            rows.append((json.load(open(fa))["results"], json.load(open(fb))["results"]))
    if not rows:
        continue
    print(f"batch {batch}: {len(rows)} pairs")
    for key, scale, unit in (("images_per_second", 1, "images/s"),
                             ("images_per_cpu_second", 1, "images per CPU-second"),
                             ("share_of_sgemm", 100, "% of sgemm, wall"),
                             ("share_of_sgemm_by_cpu_time", 100, "% of sgemm, CPU time")):
        va = [r[0][key] * scale for r in rows]
        vb = [r[1][key] * scale for r in rows]
        diff = [x - y for x, y in zip(va, vb)]
        mean = st.mean(diff)
        sd = st.stdev(diff) if len(diff) > 1 else float("nan")
        half = T_975[len(diff)] * sd / math.sqrt(len(diff)) if len(diff) in T_975 else float("nan")
        relative = [100 * (x / y - 1) for x, y in zip(va, vb)]
        print(f"  {unit:24s} {a} {', '.join(f'{x:.1f}' for x in va)} | {b} {', '.join(f'{x:.1f}' for x in vb)}"
              f" | diff mean {mean:+.2f} std {sd:.2f} 95% CI [{mean - half:+.2f}, {mean + half:+.2f}]"
              f" | relative {st.mean(relative):+.1f}% ({', '.join(f'{x:+.1f}' for x in relative)})")

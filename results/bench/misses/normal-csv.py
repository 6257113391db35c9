# Writes N standard-normal points in R^16 as a latent CSV (id, z1..z16), seed 1:
#   python3 normal-csv.py 100000 z100000.csv
import sys

import numpy as np

n, path = int(sys.argv[1]), sys.argv[2]
z = np.random.default_rng(1).standard_normal((n, 16))
with open(path, "w") as f:
    f.write("id," + ",".join(f"z{i + 1}" for i in range(16)) + "\n")
    for i in range(n):
        f.write(f"p{i}," + ",".join("%.6f" % v for v in z[i]) + "\n")

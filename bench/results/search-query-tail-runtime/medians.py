# The median of each figure over the processes of an interleaved A/B log ("== NAME" before each process's output),
# and the second against the first: python3 medians.py LOG
import re,sys,statistics as st
runs={}
cur=None
for line in open(sys.argv[1]):
    m=re.match(r'== (\S+)',line)
    if m: cur=m.group(1); runs.setdefault(cur,[]).append({}); continue
    m=None if line.startswith('kind=') else re.search(r'p50_us=([\d.]+) p99_us=([\d.]+) max_us=([\d.]+) mean_us=([\d.]+)',line)
    if m: runs[cur][-1].update(p50=float(m[1]),p99=float(m[2]),max=float(m[3]),mean=float(m[4])); continue
    m=re.match(r'kind=(\S+) p50_us=([\d.]+) p99_us=([\d.]+)',line)
    if m: runs[cur][-1][m[1]+' p50']=float(m[2]); runs[cur][-1][m[1]+' p99']=float(m[3])
names=list(runs)
keys=list(runs[names[0]][0].keys())
print('figure\t'+'\t'.join(names)+'\tratio')
for k in keys:
    meds=[st.median(r[k] for r in runs[n])/1000 for n in names]
    print(f"{k} (ms)\t"+'\t'.join(f"{m:.2f}" for m in meds)+f"\t{meds[1]/meds[0]:.2f}")

import csv,statistics as st,collections,sys
d=collections.defaultdict(list); loads=[]
for r in csv.DictReader(open(sys.argv[1]),delimiter='\t'):
    st_=r['stage'].split(': ',1)[-1] if r['stage'].startswith('segment') else r['stage']
    d[(st_,r['side'])].append((float(r['cpu']),float(r['wall']),float(r['allocated_mb']))); loads.append(float(r['load1']))
print("load", min(loads), max(loads))
for k in sorted(set(s for s,_ in d)):
    b=d[(k,'base')]; n=d[(k,'new')]
    f=lambda xs,i: f"{st.median(x[i] for x in xs):.3f} ({min(x[i] for x in xs):.2f}-{max(x[i] for x in xs):.2f})"
    print(f"{k:42s} CPU base {f(b,0)} new {f(n,0)} | wall base {f(b,1)} new {f(n,1)} | MB {st.median(x[2] for x in b):.0f}/{st.median(x[2] for x in n):.0f}")

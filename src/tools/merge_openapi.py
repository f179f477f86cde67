"""Regenerates openapi.yaml from the running service's /v3/api-docs.yaml, keeping the prose.

    java -jar target/netstatd-*.jar --server.port=18099 &
    curl -s localhost:18099/v3/api-docs.yaml > /tmp/generated.yaml
    python3 src/tools/merge_openapi.py /tmp/generated.yaml

Structure (paths, parameters, schemas) comes from the generated document; description,
summary, example and examples from the published openapi.yaml where it has them, so that
hand-written prose survives. ContractTests then holds the two equal, prose aside.
"""
import os
import sys

import yaml

gen=yaml.safe_load(open(sys.argv[1]))
OUT=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'openapi.yaml')
pub=yaml.safe_load(open(OUT))
PROSE={'description','summary','example','examples'}
def merge(g,p):
    """structure from g, prose from p where p has it"""
    if isinstance(g,dict):
        out={}
        if isinstance(p,dict):
            for k in PROSE:
                if k in p: out[k]=p[k]
        for k,v in g.items():
            if k in PROSE and k in out: continue
            out[k]=merge(v, p.get(k) if isinstance(p,dict) else None)
        # keep key order: description first
        return out
    if isinstance(g,list):
        if isinstance(p,list) and all(isinstance(x,dict) and 'name' in x for x in g) and all(isinstance(x,dict) and 'name' in x for x in p):
            pm={x['name']:x for x in p}
            return [merge(x, pm.get(x['name'])) for x in g]
        return g
    return g
res=merge(gen,pub)
res['info']=pub['info']; res['servers']=pub['servers']
order=['/connections','/listening','/stats/states','/stats/top-ips']
rest=[k for k in res['paths'] if k not in order]
res['paths']={k:res['paths'][k] for k in order+sorted(rest) if k in res['paths']}
yaml.safe_dump(res, open(OUT,'w'), sort_keys=False, width=110, allow_unicode=True)

#!/usr/bin/env python3
"""Year 1 of the default scenario's insurance budget and settlement, recomputed from docs/model.md alone.

An independent second implementation (Python decimals, no code shared with the engine) of the equations
in docs/model.md §2-§5, used to derive the figures of §9 that tests/engine_cases.rs asserts.
Run: python3 docs/worked_example.py
"""
import tomllib
from decimal import Decimal as D, ROUND_HALF_UP, ROUND_FLOOR, getcontext
from pathlib import Path

getcontext().prec = 60
fen = lambda x: x.quantize(D("0.01"), rounding=ROUND_HALF_UP)
factor = lambda x: x.quantize(D("1e-12"), rounding=ROUND_HALF_UP)
level = lambda x: x.quantize(D("1e-6"), rounding=ROUND_HALF_UP)
PLACES = ["village", "township", "county", "outside"]

doc = tomllib.loads((Path(__file__).parent.parent / "scenarios/henan-county.toml").read_text(), parse_float=D)
lev, ref, asm = doc["levers"], doc["reform"], doc["assumptions"]
num = lambda v: D(str(v))
rates = {k: {p: num(v) for p, v in doc["county"]["reimbursement"][k].items()} for k in ("outpatient", "inpatient")}
tilt = num(ref["primary_tilt_points"])            # reform 5, baseline 0 (default)
visit_growth = factor(1 + num(asm["visit_cost_growth_rate"]))
util_growth = factor(1 + num(asm["utilisation_growth_rate"]))
adm_growth = D(1)                                  # admission_cost_growth_rate default 0
elastic = {"out": D("0.01"), "in": D("0.008"), "cap": D("0.5"), "bed": D("0.02"), "budget": D("0.15"), "speed": D("0.5"), "sent": D("1.5")}

def rate(kind, place, tilt_points):
    r = rates[kind][place]
    return min(r + tilt_points / 100, D(1)) if place in ("village", "township") else r

def split(total, weights):
    """Largest remainder to the fen, ties to the earlier party."""
    units = int(total * 100)
    wsum = sum(weights)
    exact = [D(units) * w / wsum for w in weights]
    parts = [int(e.to_integral_value(rounding=ROUND_FLOOR)) for e in exact]
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[: units - sum(parts)]:
        parts[i] += 1
    return [D(p) / 100 for p in parts]

financing, base_claims, claims = [], [], []
for c in doc["communities"]:
    insts = c["institutions"]
    base_v = {p: D(0) for p in PLACES}; base_a = {p: D(0) for p in PLACES}
    for i in insts:
        base_v[i["tier"]] += num(i["outpatient_visits"]); base_a[i["tier"]] += num(i.get("admissions", 0))
    base_v["outside"] = num(c["out_of_county"]["outpatient_visits"]); base_a["outside"] = num(c["out_of_county"]["admissions"])
    # §3 base-year claims: each institution rounded to the fen, at today's rates (no tilt).
    bc = D(0)
    for i in insts:
        bc += fen(num(i["outpatient_visits"]) * num(i["cost_per_visit"]) * rate("outpatient", i["tier"], D(0))
                  + num(i.get("admissions", 0)) * num(i.get("cost_per_admission", 0)) * rate("inpatient", i["tier"], D(0)))
    o = c["out_of_county"]
    bc += fen(num(o["outpatient_visits"]) * num(o["cost_per_visit"]) * rate("outpatient", "outside", D(0))
              + num(o["admissions"]) * num(o["cost_per_admission"]) * rate("inpatient", "outside", D(0)))
    base_claims.append(bc)
    # §4 flow in year 1: drivers of the reform against today.
    townships = sum(num(i.get("count", 1)) for i in insts if i["tier"] == "township")
    township_staff = sum(num(i["staff"]) for i in insts if i["tier"] == "township")
    sent_down = num(ref["staff_sent_down_per_township"][0])
    capacity = sent_down * townships * elastic["sent"] / township_staff
    bed_thousands = num(ref["per_bed_subsidy_yuan"][0]) / 1000
    incentive = num(ref["surplus_retained_share"])      # global budget on in the reform, off today
    volumes = {}
    for kind, base, elasticity in (("out", base_v, elastic["out"]), ("in", base_a, elastic["in"])):
        total = sum(base.values())
        s0 = {p: base[p] / total for p in PLACES}
        m = {"village": 1 + elasticity * tilt, "township": 1 + elasticity * tilt + elastic["cap"] * capacity,
             "county": 1 + elastic["bed"] * bed_thousands, "outside": 1 - elastic["budget"] * incentive}
        w = {p: s0[p] * m[p] for p in PLACES}
        target = {p: w[p] / sum(w.values()) for p in PLACES}
        share = {p: factor(s0[p] + elastic["speed"] * (target[p] - s0[p])) for p in PLACES}
        demand = total * util_growth
        volumes[kind] = {p: factor(demand * share[p]) for p in PLACES}
    # §5 claims by place: each tier's cost level times each institution's part at its own prices.
    community_claims = D(0)
    for place in ["village", "township", "county"]:
        v_level = level(volumes["out"][place] * visit_growth)
        a_level = level(volumes["in"][place] * adm_growth)
        op = sum(v_level * (factor(num(i["outpatient_visits"]) / base_v[place]) * num(i["cost_per_visit"])) for i in insts if i["tier"] == place)
        ip = sum(a_level * (factor(num(i.get("admissions", 0)) / base_a[place]) * num(i.get("cost_per_admission", 0)))
                 for i in insts if i["tier"] == place and base_a[place] > 0)
        cost = sum(fen(v_level * factor(num(i["outpatient_visits"]) / base_v[place]) * num(i["cost_per_visit"])
                       + (a_level * factor(num(i.get("admissions", 0)) / base_a[place]) * num(i.get("cost_per_admission", 0)) if base_a[place] > 0 else 0))
                   for i in insts if i["tier"] == place)
        community_claims += min(fen(op * rate("outpatient", place, tilt) + ip * rate("inpatient", place, tilt)), cost)
    op = volumes["out"]["outside"] * num(o["cost_per_visit"]) * visit_growth
    ip = volumes["in"]["outside"] * num(o["cost_per_admission"]) * adm_growth
    community_claims += fen(op * rates["outpatient"]["outside"] + ip * rates["inpatient"]["outside"])
    claims.append(community_claims)
    financing.append(num(c["insured_residents"]) * (num(doc["county"]["government_per_capita_yuan"][0]) + num(doc["county"]["individual_per_capita_yuan"][0])))

F = sum(financing)
ci = fen(F * num(lev["critical_illness_rate"]))
risk = fen(F * num(ref["risk_reserve_rate"]))
quality = fen(F * num(ref["quality_reserve_rate"]))
distributable = F - ci - risk - quality
h = num(ref["history_weight"])
insured = [num(c["insured_residents"]) for c in doc["communities"]]
shares = [(1 - h) * insured[k] / sum(insured) + h * base_claims[k] / sum(base_claims) for k in range(len(insured))]
quotas = split(distributable, shares)
print(f"financing {F}  critical illness {ci}  risk {risk}  quality {quality}  distributable {distributable}")
for k, c in enumerate(doc["communities"]):
    balance = quotas[k] - claims[k]
    line = f"{c['name']}: base-year claims {base_claims[k]}  share {shares[k]:.10f}  quota {quotas[k]}  year-1 claims {claims[k]}  balance {balance}"
    if balance >= 0:
        retained = fen(min(balance, fen(quotas[k] * num(ref["surplus_retention_cap_rate"]))) * num(ref["surplus_retained_share"]))
        line += f"  retained {retained}  returned {balance - retained}"
    else:
        band = fen(quotas[k] * num(ref["overspend_band_rate"]))
        fund = fen(min(-balance, band) * num(ref["overspend_fund_share"]))
        line += f"  band {band}  fund share {fund}  borne {-balance - fund}"
    print(line)

"""Tables and text of one organ family's reports, for benchmarks/families.py.

Numbers chain across years as the statutory format requires (this year's 上年结转 is last
year's 结转下年度继续办理; documents in force follow from last year's), a parent's
applications and reviews are the sums of its children's, and each report's own identities
hold; the planted breaks then change one thing.  Narrative sections are drawn from a wide
grammar with local names so unrelated reports share little beyond the statutory
boilerplate every one of them carries.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

import bench

from gaudit.template import SPECS

_CHARS = ("安宝北碧昌成崇春淳达丹德东峰凤福富高广桂海汉和河红宏鸿华怀黄惠吉佳嘉江金锦景静"
          "俊康兰乐黎立莲良林灵岭龙隆茂梅美明南宁平浦普奇千桥青清庆泉仁荣瑞山善上尚胜石寿"
          "舒顺松泰潭桃天田通万旺维文西溪霞祥新兴秀旭阳耀义银永玉元源远云泽长振正中洲竹")
_ACTIONS = ("修订完善", "集中公开", "专题解读", "动态更新", "逐项梳理", "规范发布", "及时调整",
            "组织培训", "开展自查", "全面排查", "跟踪督办", "分类整理", "统一归档", "上线运行")
_THINGS = ("村务公开栏", "惠农补贴发放清单", "小微企业扶持政策", "义务教育招生方案", "医保报销流程",
           "防汛应急预案", "老旧小区改造计划", "农村公路养护台账", "低保救助名单", "项目审批目录",
           "环境监测数据", "食品安全抽检结果", "社区服务指南", "安置补偿方案", "就业培训信息",
           "预决算报表", "招投标公告", "规划批前公示", "农村产权交易信息", "消防检查结果")
_WAYS = ("通过政府网站", "依托政务新媒体", "在便民服务中心", "借助村(居)务公开栏", "利用微信公众号",
         "采取现场宣讲方式", "通过新闻发布会", "结合入户走访")
_ENDS = ("群众反映良好", "社会关注度明显提升", "相关咨询量有所下降", "办事效率进一步提高",
         "有效回应了群众关切", "信息获取更加便捷", "形成了长效机制", "得到上级部门肯定")
_ITEMS = ("(一)主动公开", "(二)依申请公开", "(三)政府信息管理", "(四)平台建设", "(五)监督保障")
_PROBLEMS = ("公开内容的深度和广度还不够", "部分栏目更新不够及时", "政策解读的形式比较单一",
             "工作人员业务水平有待提高", "基层公开的规范性仍需加强", "互动回应的时效有待提升")
_BOILER = ("本报告依据《中华人民共和国政府信息公开条例》和有关规定编制。",
           "本报告所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。",
           "本报告电子版可在门户网站“政府信息公开”专栏查阅。")


@dataclass
class Family:
    id: str
    name: str
    years: list[int]
    plant: dict[str, object] = field(default_factory=dict)
    children: list[Family] = field(default_factory=list)
    chained: bool = True
    files: dict[int, str] = field(default_factory=dict)
    cells: dict[int, dict[str, dict[str, dict[str, str]]]] = field(default_factory=dict)
    text: dict[int, dict[int, list[str]]] = field(default_factory=dict)


def _template(year: int) -> str:
    return "2019" if year <= 2020 else "2021"


class TextMaker:
    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.to_traditional = bench._traditional_table()

    # ---------------------------------------------------------- names
    @staticmethod
    def organ_names(rng: random.Random, n: int) -> list[str]:
        kinds = ("镇人民政府", "乡人民政府", "街道办事处", "县教育局", "区民政局", "县自然资源局", "市生态环境局")
        seen: set[str] = set()
        out = []
        while len(out) < n:
            place = rng.choice(_CHARS) + rng.choice(_CHARS)
            if place[:2] in seen:
                continue
            seen.add(place[:2])
            out.append(place + rng.choice(kinds))
        return out

    @staticmethod
    def typo(name: str) -> str:
        """The name with its second character changed (石桥镇 -> 石侨镇)."""
        swap = _CHARS[(_CHARS.index(name[1]) + 7) % len(_CHARS)] if name[1] in _CHARS else "侨"
        return name[0] + swap + name[2:]

    @staticmethod
    def shown_name(fam: Family, year: int) -> str:
        """Long and short forms alternate over the years (石桥镇人民政府 / 石桥镇)."""
        if year % 2 and fam.name.endswith("镇人民政府") and not fam.children:
            return fam.name.removesuffix("人民政府")
        return fam.name

    # ---------------------------------------------------------- tables
    def tables(self, fam: Family) -> None:
        forward: dict[str, int] | None = None
        in_force: dict[str, int] = {}
        for year in fam.years:
            rng = random.Random(f"{self.seed}/{fam.id}/{year}/tables")
            tpl = _template(year)
            carried = forward if fam.chained and forward is not None else None
            apps, forward = _applications(rng, tpl, carried)
            active = bench._active(rng, SPECS[("active", tpl)])
            if tpl == "2021":
                for row in ("regulations", "normative_documents"):
                    values = active[row]
                    last = in_force.get(row, rng.randint(5, 60)) if fam.chained else rng.randint(5, 60)
                    issued, repealed = int(values["issued"]), min(int(values["repealed"]), last)
                    values["repealed"] = str(repealed)
                    values["in_force"] = str(last + issued - repealed)
                    in_force[row] = last + issued - repealed
            fam.cells[year] = {"active": active, "applications": apps,
                               "reviews": bench._reviews(rng, SPECS[("reviews", tpl)])}
            fam.text[year] = self._narrative(rng, fam, year)

    @staticmethod
    def sum_children(parent: Family) -> None:
        for year in parent.years:
            for table in ("applications", "reviews"):
                rows = parent.cells[year][table]
                for row, values in rows.items():
                    for col in values:
                        values[col] = str(sum(int(c.cells[year][table][row][col]) for c in parent.children))

    def nudge(self, fam: Family, year: int) -> None:
        """Other numbers in a second version of the report (its own identities still hold)."""
        apps = fam.cells[year]["applications"]
        for row in ("new", "disclosed", "results_total"):
            for col in ("natural_person", "total"):
                apps[row][col] = str(int(apps[row][col]) + 2)

    # ---------------------------------------------------------- planting
    def plant(self, fam: Family, donors: list[Family]) -> list[tuple[str, str, str]]:
        """Plant ``fam``'s breaks; return pending truth as (family/year refs resolved later)."""
        rng = random.Random(f"{self.seed}/{fam.id}/plant")
        pending: list[tuple[str, str, str]] = []
        year = fam.plant.get("carryover")
        if isinstance(year, int):
            apps = fam.cells[year]["applications"]
            col = rng.choice(("natural_person", "commercial"))
            d = rng.choice((1, 2, 3))
            for row in ("carried_over", "new"):
                sign = 1 if row == "carried_over" else -1
                apps[row][col] = str(int(apps[row][col]) + sign * d)
                apps[row]["total"] = str(int(apps[row]["total"]) + sign * d)
            pending.append((f"{fam.id}@{year}", "carryover-mismatch", f"{fam.id}@{year - 1}"))
        year = fam.plant.get("stock")
        if isinstance(year, int):
            row = rng.choice(("regulations", "normative_documents"))
            d = rng.choice((2, 3, 5))
            for later in (y for y in fam.years if y >= year):  # one break: later years follow it
                values = fam.cells[later]["active"][row]
                values["in_force"] = str(int(values["in_force"]) + d)
            pending.append((f"{fam.id}@{year}", "stock-mismatch", f"{fam.id}@{year - 1}"))
        year = fam.plant.get("copy-self")
        if isinstance(year, int):
            section = rng.choice((1, 5))
            fam.text[year][section] = _edited(rng, fam.text[year - 1][section], fam.text[year][section])
            pending.append((f"{fam.id}@{year}", "copied-text", f"{fam.id}@{year - 1}"))
        year = fam.plant.get("copy-other")
        if isinstance(year, int):
            donor = rng.choice([d for d in donors if d is not fam and not d.plant and not d.children])
            dyear = min(donor.years, key=lambda y: (abs(y - year + 1), y))
            fam.text[year][1] = _edited(rng, donor.text[dyear][1], fam.text[year][1])
            pending.append((f"{fam.id}@{year}", "copied-text?", f"{donor.id}@{dyear}"))
        year = fam.plant.get("aggregate")
        if isinstance(year, int):
            apps = fam.cells[year]["applications"]
            for row in ("new", "disclosed", "results_total"):
                apps[row]["natural_person"] = str(int(apps[row]["natural_person"]) + 1)
                apps[row]["total"] = str(int(apps[row]["total"]) + 1)
            for child in fam.children:
                pending.append((f"{fam.id}@{year}", "aggregate-mismatch", f"{child.id}@{year}"))
        return pending

    # ---------------------------------------------------------- text
    def _narrative(self, rng: random.Random, fam: Family, year: int) -> dict[int, list[str]]:
        def local() -> str:
            return rng.choice(_CHARS) + rng.choice(_CHARS) + rng.choice(("村", "社区", "片区", "园区", "项目"))

        def sentence() -> str:
            return (f"{rng.choice(_WAYS)}{rng.choice(_ACTIONS)}{local()}{rng.choice(_THINGS)},"
                    f"全年涉及{rng.randint(2, 400)}项内容,{rng.choice(_ENDS)}。")

        s1 = []
        for item in _ITEMS:
            s1.append(item + "。" + "".join(sentence() for _ in range(rng.randint(3, 5))))
        s5 = [f"(一)存在的主要问题。一是{rng.choice(_PROBLEMS)};二是{local()}{rng.choice(_THINGS)}"
              f"{rng.choice(_ACTIONS)}不到位。", "(二)改进情况。" + "".join(sentence() for _ in range(3))]
        s6 = ["本年度未收取信息处理费。", "无其他需要报告的事项。"]
        return {1: s1, 5: s5, 6: s6}

    def render(self, fam: Family, year: int, layout: str, traditional: bool, codec: str) -> bytes:
        tpl = _template(year)
        report = bench.Report(year, year, tpl, self.shown_name(fam, year), fam.cells[year])
        text = _report_text(report, fam.text[year], layout)
        if layout == "html":
            text = text.replace("{charset}", bench._HTML_CHARSET[codec])
        if traditional:
            text = text.translate(self.to_traditional)
        return text.encode(codec, errors="replace")


def _edited(rng: random.Random, source: list[str], own: list[str]) -> list[str]:
    """``source``'s paragraphs with one sentence in twelve (none in a short section) taken
    from ``own`` and every number changed: a near copy."""
    paragraphs = [[s + "。" for s in para.split("。") if s] for para in source]
    mine = [s + "。" for para in own for s in para.split("。") if s]
    places = [(k, j) for k, para in enumerate(paragraphs) for j in range(len(para))]
    for k, j in rng.sample(places, len(places) // 12):
        paragraphs[k][j] = rng.choice(mine)
    return [re.sub(r"[0-9]+", lambda m: str(rng.randint(1, 400)), "".join(p)) for p in paragraphs]


def _applications(rng: random.Random, tpl: str,
                  carried: dict[str, int] | None) -> tuple[dict[str, dict[str, str]], dict[str, int]]:
    spec = SPECS[("applications", tpl)]
    results = [r.key for r in spec.rows if r.key not in ("new", "carried_over", "results_total", "carried_forward")]
    table: dict[str, dict[str, int]] = {r.key: {} for r in spec.rows}
    columns = [c.key for c in spec.rows[0].columns if c.key != "total"]
    forward_out: dict[str, int] = {}
    for i, col in enumerate(columns):
        new = rng.randint(0, 60) if i == 0 else rng.choice((0, 0, 1, 2, 5))
        over = carried.get(col, 0) if carried is not None else rng.choice((0, 1, 2))
        forward = min(new + over, rng.choice((0, 1, 2, 3)))
        counts = dict.fromkeys(results, 0)
        for key in rng.choices(results[:4] + results[-2:], k=new + over - forward):
            counts[key] += 1
        table["new"][col], table["carried_over"][col] = new, over
        table["results_total"][col], table["carried_forward"][col] = new + over - forward, forward
        forward_out[col] = forward
        for key, n in counts.items():
            table[key][col] = n
    for values in table.values():
        values["total"] = sum(values.values())
    return {row: {c: str(v) for c, v in values.items()} for row, values in table.items()}, forward_out


def _report_text(report: bench.Report, text: dict[int, list[str]], layout: str) -> str:
    year = report.title_year
    head = [f"{report.organ}{year}年政府信息公开工作年度报告", "",
            "".join(s.format(y=year) for s in _BOILER), "", "一、总体情况", *text[1], "",
            "二、主动公开政府信息情况"]
    tables = [bench._active_rows(report), bench._applications_rows(report), bench._reviews_rows(report)]
    between = [["", "三、收到和处理政府信息公开申请情况"], ["", "四、政府信息公开行政复议、行政诉讼情况"]]
    body: list[str] = []
    for i, rows in enumerate(tables):
        body += bench._html_table(rows) if layout == "html" else bench._render(rows, layout, None)
        if i < len(between):
            body += between[i]
    tail = ["", "五、存在的主要问题及改进情况", *text[5], "", "六、其他需要报告的事项", *text[6]]
    if layout != "html":
        return "\n".join([*head, *body, *tail]) + "\n"
    out = ['<html><head><meta charset="{charset}">', f"<title>{head[0]}</title></head><body>"]
    out += [f"<p>{line}</p>" for line in head if line]
    out += [line if line.startswith("<") else f"<p>{line}</p>" for line in body if line]
    out += [f"<p>{line}</p>" for line in tail if line]
    return "\n".join([*out, "</body></html>"]) + "\n"

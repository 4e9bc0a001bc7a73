"""Corpus generator B: a second generator of annual reports, written independently of generator A and of gaudit.

    python benchmarks/accuracy/gen_b.py OUTDIR [--n 600] [--seed 7] [--defects 0.6]

Writes N reports (.txt / .htm / .html in many encodings and table layouts) and OUTDIR/truth.json in
the format score.py reads (README.md), with a few extra fields. Byte-for-byte deterministic for a
given (n, seed, defects). Standard library only, except OpenCC (a gaudit dependency), imported
lazily for Traditional files: they are converted phrase by phrase, unlike generator A.

Structure
  * statutory structure (labels, keys) ............ APP_* / REV_* / app_rows() / active_blocks()
  * statistics (all identities hold) .............. gen_stats()
  * cell-level defects ............................ CELL_PLANTERS (plant_blank, plant_invalid, ...)
  * tables as span structures (rowspan/colspan) ... span_active / span_apps / span_reviews
  * table renderers, one per layout ............... render_table(), SemRender (spaces, pdf)
  * prose blocks, structure and text defects ...... Report.build(), NonReport.build()
  * blocks to lines (text or a whole HTML page) ... Formatter.text(), Formatter.html()
  * byte-level defects and encodings .............. encode_lines(), corrupt()
  * one file and its truth ........................ make_plans(), make_file()
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import unicodedata
import warnings

# =====================================================================================
# statutory structure
# =====================================================================================
PARTS = ['natural_person', 'commercial', 'research', 'nonprofit', 'legal_services', 'other_org']
APP_COLS = [*PARTS, 'total']
REV_GROUPS = ['review', 'litigation_direct', 'litigation_after_review']
REV_COLS = ['upheld', 'corrected', 'other', 'pending', 'total']
REV_LABELS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']
G3 = '三、本年度办理结果'
APP_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'
ORG_LABELS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']

WITHHELD = [('withheld_state_secret', '1.属于国家秘密'),
            ('withheld_prohibited_by_law', '2.其他法律行政法规禁止公开'),
            ('withheld_security_stability', '3.危及“三安全一稳定”'),
            ('withheld_third_party', '4.保护第三方合法权益'),
            ('withheld_internal_affairs', '5.属于三类内部事务信息'),
            ('withheld_process_info', '6.属于四类过程性信息'),
            ('withheld_enforcement_file', '7.属于行政执法案卷'),
            ('withheld_query_matter', '8.属于行政查询事项')]
UNAVAIL = [('unavailable_not_held', '1.本机关不掌握相关政府信息'),
           ('unavailable_needs_creation', '2.没有现成信息需要另行制作'),
           ('unavailable_unclear', '3.补正后申请内容仍不明确')]
REJECT = [('rejected_petition', '1.信访举报投诉类申请'),
          ('rejected_duplicate', '2.重复申请'),
          ('rejected_publication', '3.要求提供公开出版物'),
          ('rejected_excessive', '4.无正当理由大量反复申请'),
          ('rejected_confirmation', '5.要求行政机关确认或重新出具已获取信息')]
OTHER21 = [('other_no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
           ('other_no_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
           ('other_misc', '3.其他')]


def app_rows(tpl):
    """[(key, [group labels], label)] in statutory order."""
    rows = [('new', [], '一、本年新收政府信息公开申请数量'),
            ('carried_over', [], '二、上年结转政府信息公开申请数量'),
            ('disclosed', [G3], '（一）予以公开'),
            ('partly_disclosed', [G3], '（二）部分公开（区分处理的，只计这一情形，不计其他情形）')]
    rows += [(k, [G3, '（三）不予公开'], lab) for k, lab in WITHHELD]
    rows += [(k, [G3, '（四）无法提供'], lab) for k, lab in UNAVAIL]
    rows += [(k, [G3, '（五）不予处理'], lab) for k, lab in REJECT]
    if tpl == '2021':
        rows += [(k, [G3, '（六）其他处理'], lab) for k, lab in OTHER21]
    else:
        rows += [('other', [G3], '（六）其他处理')]
    rows += [('results_total', [G3], '（七）总计'), ('carried_forward', [], '四、结转下年度继续办理')]
    return rows


def result_keys(tpl):
    return [k for k, g, _ in app_rows(tpl) if g and k != 'results_total']


# active table: blocks of (item label, header labels, [(row key, row label)], column keys)
def active_blocks(tpl):
    if tpl == '2021':
        return [('第二十条第（一）项', ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
                 [('regulations', '规章'), ('normative_documents', '行政规范性文件')],
                 ['issued', 'repealed', 'in_force']),
                ('第二十条第（五）项', ['信息内容', '本年处理决定数量'], [('licensing', '行政许可')], ['decisions']),
                ('第二十条第（六）项', ['信息内容', '本年处理决定数量'],
                 [('penalty', '行政处罚'), ('enforcement', '行政强制')], ['decisions']),
                ('第二十条第（八）项', ['信息内容', '本年收费金额（单位：万元）'], [('fees', '行政事业性收费')],
                 ['amount'])]
    h5 = ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量']
    return [('第二十条第（一）项', ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
             [('regulations', '规章'), ('normative_documents', '规范性文件')],
             ['made', 'published', 'total_published']),
            ('第二十条第（五）项', h5, [('licensing', '行政许可'), ('other_services', '其他对外管理服务事项')],
             ['previous_items', 'change', 'decisions']),
            ('第二十条第（六）项', h5, [('penalty', '行政处罚'), ('enforcement', '行政强制')],
             ['previous_items', 'change', 'decisions']),
            ('第二十条第（八）项', ['信息内容', '上一年项目数量', '本年增/减'], [('fees', '行政事业性收费')],
             ['previous_items', 'change']),
            ('第二十条第（九）项', ['信息内容', '采购项目数量', '采购总金额'], [('procurement', '政府集中采购')],
             ['projects', 'amount'])]


SECTION_TITLES = {
    1: ['总体情况', '总体情况', '总体情况', '总体情况', '概述', '基本情况', '总体工作情况'],
    2: ['主动公开政府信息情况'] * 12 + ['主动公开政府信息的情况'],
    3: ['收到和处理政府信息公开申请情况'] * 5 + ['依申请公开政府信息情况'],
    4: ['政府信息公开行政复议、行政诉讼情况'] * 5 + ['因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
    5: ['存在的主要问题及改进情况'] * 4 + ['政府信息公开工作存在的主要问题及改进情况'],
    6: ['其他需要报告的事项'],
}
CN_DIGITS = '零一二三四五六七八九'
SEC_NUM = '一二三四五六七八九十'

# =====================================================================================
# small helpers
# =====================================================================================


def cn_int(n):
    """Chinese numeral for 0 <= n < 100000 (十二, 一百零五, 二千零三十)."""
    if n == 0:
        return '零'
    units = ['', '十', '百', '千', '万']
    s = str(n)
    out = []
    zero = False
    for i, ch in enumerate(s):
        d = int(ch)
        pos = len(s) - 1 - i
        if d == 0:
            zero = True
            continue
        if zero and out:
            out.append('零')
        zero = False
        out.append(CN_DIGITS[d] + units[pos])
    r = ''.join(out)
    if r.startswith('一十'):
        r = r[1:]
    return r


def cn_year(y, circle='〇'):
    return ''.join(circle if c == '0' else CN_DIGITS[int(c)] for c in str(y))


def fullwidth(s):
    return ''.join(chr(ord(c) + 0xFEE0) if '0' <= c <= '9' else ('．' if c == '.' else c) for c in s)


def dwidth(s):
    return sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)


def dpad(s, w, right=False):
    p = max(0, w - dwidth(s))
    return (' ' * p + s) if right else (s + ' ' * p)


def wrap_w(s, w):
    """Cut s into pieces of display width <= w, never inside a run of digits."""
    out, cur, cw = [], '', 0
    i = 0
    while i < len(s):
        m = re.match(r'[0-9０-９.,]+', s[i:])
        tok = m.group(0) if m else s[i]
        tw = dwidth(tok)
        if cur and cw + tw > w and tok not in '，。、；：）」』”！？)':
            out.append(cur)
            cur, cw = '', 0
        cur += tok
        cw += tw
        i += len(tok)
    if cur:
        out.append(cur)
    return out


def multinomial(rng, n, weights):
    tot = float(sum(weights))
    out = [0] * len(weights)
    if n <= 0:
        return out
    if n > 3000:
        raw = [n * w / tot for w in weights]
        out = [int(x) for x in raw]
        rest = n - sum(out)
        order = sorted(range(len(weights)), key=lambda i: -(raw[i] - out[i]))
        for i in order[:rest]:
            out[i] += 1
        return out
    cum = []
    acc = 0.0
    for w in weights:
        acc += w / tot
        cum.append(acc)
    for _ in range(n):
        x = rng.random()
        for i, c in enumerate(cum):
            if x <= c:
                out[i] += 1
                break
        else:
            out[-1] += 1
    return out


def wchoice(rng, pairs):
    tot = sum(w for _, w in pairs)
    x = rng.random() * tot
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


# =====================================================================================
# organs
# =====================================================================================
PLACES = ['青河', '石桥', '柳溪', '东坪', '云台', '白沙', '梅林', '龙泉', '安平', '兴隆', '永和', '新塘', '长乐',
          '桃源', '金山', '凤凰', '清水', '高桥', '平安', '双溪', '大浦', '黄岭', '河口', '南岗', '杨柳', '荷塘',
          '草埔', '沙湾', '官桥', '松岭', '碧水', '三江', '马鞍', '龙门', '太平', '桥头', '茶山', '竹林', '樟树',
          '枫林', '溪口', '五里', '石角', '横岗', '新安', '灵溪', '湖滨', '芦溪', '蓝田', '塔山', '临江', '望城',
          '宝丰', '富源', '洪桥', '岭南', '西坝', '古城', '上林', '下沙', '乌石', '莲花', '红星', '朝阳', '向阳',
          '和平', '礼泉', '鹤鸣', '麻城', '仙桥', '槐树', '杏花', '双河', '长岗', '文昌', '瑞丰', '泗水', '黎明',
          '卧龙', '落霞', '丰乐', '鸣凤', '石门']
CITIES = ['云州', '江陵', '宁川', '滨海', '泰和', '临川', '安阳', '清远', '宜丰', '武宁', '汉川', '岳临', '昌宁',
          '嘉禾', '淮安', '徐宁', '鄂安', '黔南', '邵平', '南溪', '常宁', '建平', '衡川', '湘阳', '洛川', '平凉',
          '汾阳', '晋安', '辽源', '庆安']
PROVINCES = ['广东省', '浙江省', '江苏省', '山东省', '河南省', '湖南省', '湖北省', '四川省', '福建省', '安徽省',
             '江西省', '云南省', '贵州省', '陕西省', '甘肃省', '河北省', '山西省', '辽宁省', '吉林省', '黑龙江省',
             '海南省', '青海省', '广西壮族自治区', '宁夏回族自治区', '内蒙古自治区']
COUNTY_DEPTS = ['财政局', '教育局', '自然资源局', '住房和城乡建设局', '市场监督管理局', '卫生健康局',
                '人力资源和社会保障局', '交通运输局', '水利局', '农业农村局', '司法局', '民政局', '应急管理局',
                '退役军人事务局', '医疗保障局', '统计局', '审计局', '文化广电旅游体育局', '发展和改革局', '商务局',
                '城市管理局', '林业局', '科学技术局', '工业和信息化局', '行政审批服务局', '人民政府办公室',
                '卫生健康委员会', '发展和改革委员会', '信访局', '生态环境分局']
CITY_DEPTS = ['财政局', '教育局', '自然资源和规划局', '住房和城乡建设局', '市场监督管理局', '卫生健康委员会',
              '人力资源和社会保障局', '交通运输局', '水利局', '农业农村局', '司法局', '民政局', '应急管理局',
              '生态环境局', '医疗保障局', '统计局', '审计局', '文化广电旅游局', '发展和改革委员会', '商务局',
              '城市管理综合执法局', '公安局', '人民政府办公室', '国有资产监督管理委员会']
PROV_DEPTS = ['教育厅', '财政厅', '自然资源厅', '住房和城乡建设厅', '交通运输厅', '水利厅', '农业农村厅', '商务厅',
              '文化和旅游厅', '卫生健康委员会', '生态环境厅', '司法厅', '民政厅', '人力资源和社会保障厅', '应急管理厅',
              '市场监督管理局', '统计局', '审计厅', '科学技术厅', '林业局']
MINISTRIES = ['国家林业和草原局', '国家药品监督管理局', '国家知识产权局', '国家文物局', '国家能源局', '国家铁路局',
              '国家邮政局', '国家粮食和物资储备局', '国家中医药管理局', '国家矿山安全监察局', '水利部', '交通运输部',
              '农业农村部', '商务部', '文化和旅游部', '应急管理部', '生态环境部', '自然资源部', '海关总署',
              '国家市场监督管理总局', '国家广播电视总局', '国家体育总局', '国家统计局', '国家医疗保障局']

LEVELS = [('township', 16), ('street', 9), ('county_gov', 12), ('county_dept', 22), ('city_gov', 6),
          ('city_dept', 14), ('province_gov', 3), ('province_dept', 9), ('ministry', 9)]
LOW_LEVELS = ('township', 'street', 'county_gov', 'county_dept')   # may not make 规章
REG_LEVELS = ('city_gov', 'province_gov', 'ministry')               # may make 规章


def make_organ(rng, level, low_clear=False):
    place = rng.choice(PLACES)
    city = rng.choice(CITIES) + '市'
    prov = rng.choice(PROVINCES)
    ctype = wchoice(rng, [('县', 5), ('区', 4), ('市', 1 if not low_clear else 0)])
    county = rng.choice([p for p in PLACES if p != place]) + ctype
    o = {'level': level}
    if level == 'township':
        t = rng.choice(['镇', '镇', '镇', '乡'])
        name = place + t + '人民政府'
        if rng.random() < 0.3 and ctype != '市':
            name = county + name
        o.update(name=name, short=place + t, self=['我' + t, '本' + t, place + t], lead=f'{t}委、{t}政府',
                 upper='县委、县政府' if ctype == '县' else ('区委、区政府' if ctype == '区' else '市委、市政府'))
    elif level == 'street':
        name = place + '街道办事处'
        if rng.random() < 0.4 and ctype != '市':
            name = county + name
        o.update(name=name, short=place + '街道', self=['我街道', '本街道', place + '街道'], lead='街道党工委、办事处',
                 upper='区委、区政府')
    elif level == 'county_gov':
        name = (city + county if rng.random() < 0.3 and ctype != '市' else county) + '人民政府'
        o.update(name=name, short=county, self=['我' + ctype, '全' + ctype, county + '政府'],
                 lead=f'{ctype}委、{ctype}政府', upper='市委、市政府')
    elif level == 'county_dept':
        d = rng.choice(COUNTY_DEPTS)
        name = (city + county if rng.random() < 0.25 and ctype != '市' else county) + d
        o.update(name=name, short=county + d, self=self_of(d), lead='局党组' if d.endswith('局') else '单位党组',
                 upper=f'{ctype}委、{ctype}政府')
    elif level == 'city_gov':
        name = city + '人民政府'
        o.update(name=name, short=city, self=['我市', '全市', '市政府'], lead='市委、市政府', upper='省委、省政府')
    elif level == 'city_dept':
        d = rng.choice(CITY_DEPTS)
        name = city + d
        o.update(name=name, short=name, self=self_of(d), lead='党组', upper='市委、市政府')
    elif level == 'province_gov':
        name = prov + '人民政府'
        province = prov.endswith('省')
        o.update(name=name, short=prov,
                 self=['我省' if province else '我区', '省政府' if province else '自治区人民政府'],
                 lead='省委、省政府' if province else '自治区党委、政府', upper='党中央、国务院')
    elif level == 'province_dept':
        d = rng.choice(PROV_DEPTS)
        name = prov + d
        o.update(name=name, short=name, self=self_of(d), lead='厅党组' if d.endswith('厅') else '党组',
                 upper='省委、省政府')
    else:
        name = rng.choice(MINISTRIES)
        if name.endswith('部'):
            s = ['我部', '本部门']
        else:
            s = ['海关总署', '本部门'] if name == '海关总署' else ['我局', '本部门']
        o.update(name=name, short=name, self=[*s, '本机关'], lead='党组', upper='党中央、国务院')
    host = ''.join(rng.choice('abcdefghjklmnpqrstwxyz') for _ in range(rng.randint(4, 8)))
    o['website'] = f'http://www.{host}.gov.cn'
    o['phone'] = f'0{rng.randint(100, 999)}-{rng.randint(2000000, 8999999)}'
    return o


def self_of(d):
    if d.endswith('委员会'):
        return ['我委', '本委', '本机关']
    if d.endswith('厅'):
        return ['我厅', '本厅', '本机关']
    if d.endswith('办公室'):
        return ['我办', '本机关']
    if d.endswith('分局'):
        return ['我分局', '本机关']
    return ['我局', '本局', '本机关']


# =====================================================================================
# statistics (every identity holds)
# =====================================================================================
SCALE = {  # (p_zero_applications, max_new, max_reviews)
    'township': (0.55, 6, 1), 'street': (0.45, 10, 2), 'county_gov': (0.08, 150, 6), 'county_dept': (0.3, 60, 3),
    'city_gov': (0.0, 900, 25), 'city_dept': (0.1, 250, 8), 'province_gov': (0.0, 2600, 60),
    'province_dept': (0.05, 700, 20), 'ministry': (0.0, 3200, 80)}


def gen_stats(rng, level, tpl):
    pz, mx, mr = SCALE[level]
    T = {}
    # ---- applications
    new_tot = 0 if rng.random() < pz else round(mx * rng.random() ** 2.2) + (1 if rng.random() < 0.7 else 0)
    w = [rng.uniform(70, 95), rng.uniform(2, 20), rng.uniform(0, 1.5), rng.uniform(0, 2), rng.uniform(0, 3),
         rng.uniform(0, 5)]
    new = multinomial(rng, new_tot, w)
    if rng.random() < 0.55 or (new_tot == 0 and rng.random() < 0.7):
        co_tot = 0
    else:
        co_tot = rng.randint(1, max(1, new_tot // 8 + 1))
    co = multinomial(rng, co_tot, w)
    rk = result_keys(tpl)
    base = {'disclosed': 35, 'partly_disclosed': 10, 'withheld_state_secret': 0.3, 'withheld_prohibited_by_law': 0.5,
            'withheld_security_stability': 0.3, 'withheld_third_party': 1.5, 'withheld_internal_affairs': 1,
            'withheld_process_info': 1.5, 'withheld_enforcement_file': 0.8, 'withheld_query_matter': 1,
            'unavailable_not_held': 25, 'unavailable_needs_creation': 3, 'unavailable_unclear': 3,
            'rejected_petition': 4, 'rejected_duplicate': 5, 'rejected_publication': 0.8, 'rejected_excessive': 1,
            'rejected_confirmation': 1, 'other': 9, 'other_no_correction': 5, 'other_no_fee': 0.4, 'other_misc': 4}
    rw = [base[k] * rng.uniform(0.3, 1.7) for k in rk]
    pcf = 0 if rng.random() < 0.5 else rng.uniform(0.01, 0.12)
    app = {k: {} for k, _, _ in app_rows(tpl)}
    for i, c in enumerate(PARTS):
        avail = new[i] + co[i]
        cf = sum(1 for _ in range(avail) if rng.random() < pcf) if avail < 5000 else int(avail * pcf)
        res = multinomial(rng, avail - cf, rw)
        app['new'][c] = new[i]
        app['carried_over'][c] = co[i]
        for k, v in zip(rk, res, strict=True):
            app[k][c] = v
        app['results_total'][c] = avail - cf
        app['carried_forward'][c] = cf
    for r in app:
        app[r]['total'] = sum(app[r][c] for c in PARTS)
    T['applications'] = app
    # ---- reviews
    rev = {}
    for g, share in (('review', 1.0), ('litigation_direct', 0.6), ('litigation_after_review', 0.3)):
        n = 0 if rng.random() < (0.6 if mr <= 3 else 0.2) else round(mr * share * rng.random() ** 2)
        parts = multinomial(rng, n, [rng.uniform(3, 8), rng.uniform(0, 2), rng.uniform(0, 2), rng.uniform(0, 3)])
        rev[g] = dict(zip(REV_COLS[:4], parts, strict=True))
        rev[g]['total'] = n
    T['reviews'] = rev
    # ---- active
    big = {'township': 1, 'street': 1, 'county_gov': 5, 'county_dept': 4, 'city_gov': 20, 'city_dept': 10,
           'province_gov': 60, 'province_dept': 30, 'ministry': 40}[level]
    act = {}
    reg_ok = level in REG_LEVELS or (level == 'province_dept' and rng.random() < 0.12)

    def cnt(m, p0=0.3):
        return 0 if rng.random() < p0 else round(m * rng.random() ** 2)
    if tpl == '2021':
        if reg_ok and rng.random() < 0.75:
            iss = rng.randint(1, 8)
            act['regulations'] = {'issued': iss, 'repealed': rng.randint(0, 3), 'in_force': iss + rng.randint(5, 160)}
        elif reg_ok:
            act['regulations'] = {'issued': 0, 'repealed': 0, 'in_force': rng.randint(3, 90)}
        else:
            act['regulations'] = {'issued': 0, 'repealed': 0, 'in_force': 0}
        iss = cnt(3 * big ** 0.7)
        act['normative_documents'] = {'issued': iss, 'repealed': cnt(big ** 0.6),
                                      'in_force': iss + cnt(12 * big ** 0.7, 0.2)}
        act['licensing'] = {'decisions': cnt(600 * big, 0.35)}
        act['penalty'] = {'decisions': cnt(120 * big, 0.4)}
        act['enforcement'] = {'decisions': cnt(15 * big, 0.6)}
        act['fees'] = {'amount': 0 if rng.random() < 0.6 else round(rng.uniform(0.3, 80 * big), 2)}
    else:
        if reg_ok and rng.random() < 0.75:
            m = rng.randint(1, 8)
            act['regulations'] = {'made': m, 'published': m, 'total_published': m + rng.randint(5, 160)}
        else:
            act['regulations'] = {'made': 0, 'published': 0, 'total_published': 0}
        m = cnt(3 * big ** 0.7)
        act['normative_documents'] = {'made': m, 'published': m if rng.random() < 0.85 else max(0, m - 1),
                                      'total_published': m + cnt(12 * big ** 0.7, 0.2)}
        for r, mm in (('licensing', 600), ('other_services', 200), ('penalty', 120), ('enforcement', 15)):
            prev = cnt(mm ** 0.5 * big ** 0.5, 0.35)
            ch = 0 if rng.random() < 0.5 else rng.randint(-min(prev, 12), 30)
            act[r] = {'previous_items': prev, 'change': ch, 'decisions': cnt(mm * big, 0.35)}
        prev = cnt(8, 0.6)
        act['fees'] = {'previous_items': prev, 'change': 0 if rng.random() < 0.7 else rng.randint(-prev, 3)}
        pj = cnt(20 * big ** 0.5, 0.4)
        act['procurement'] = {'projects': pj, 'amount': 0 if pj == 0 else round(rng.uniform(5000, 400000) * pj, 2)}
    T['active'] = act
    return T


def check_identities(T):
    """Return a list of broken identities (for self-checking clean tables)."""
    bad = []
    app = T.get('applications')
    if app:
        tpl = '2021' if 'other_misc' in app else '2019'
        rk = result_keys(tpl)
        for r, cols in app.items():
            if all(isinstance(cols[c], int) for c in APP_COLS) and cols['total'] != sum(cols[c] for c in PARTS):
                bad.append(f'row:{r}')
        for c in APP_COLS:
            vals = [app[r][c] for r in rk] + [app['results_total'][c]]
            if all(isinstance(v, int) for v in vals) and sum(vals[:-1]) != vals[-1]:
                bad.append(f'col:{c}')
            b = [app[r][c] for r in ('new', 'carried_over', 'results_total', 'carried_forward')]
            if all(isinstance(v, int) for v in b) and b[0] + b[1] != b[2] + b[3]:
                bad.append(f'balance:{c}')
    rev = T.get('reviews')
    if rev:
        for g in REV_GROUPS:
            v = [rev[g][c] for c in REV_COLS]
            if all(isinstance(x, int) for x in v) and sum(v[:4]) != v[4]:
                bad.append(f'reviews:{g}')
    return bad


# =====================================================================================
# cell display strings
# =====================================================================================
def make_numfmt(rng, layout):
    return {'fw': wchoice(rng, [('none', 80), ('all', 8), ('some', 12)]),
            'thousands': rng.random() < 0.3,
            'plus': rng.random() < 0.5,
            'yuan': rng.random() < 0.4,
            'dec2': rng.random() < 0.5,
            'wanyuan': rng.random() < 0.12,
            'pad': layout == 'cells' and rng.random() < 0.5,
            'jian': rng.random() < 0.03}


def disp_value(rng, v, t, r, c, nf):
    if isinstance(v, float) or (t == 'active' and c == 'amount'):
        if r == 'procurement':
            s = ('{:,.2f}' if nf['thousands'] else '{:.2f}').format(v)
            if v == 0:
                s = '0'
            elif s.endswith('.00') and rng.random() < 0.5:
                s = s[:-3]
            if nf['yuan'] and v:
                s += '元'
        else:
            s = f'{v:.2f}' if (nf['dec2'] or v) else '0'
            if v and not nf['dec2']:
                s = s.rstrip('0').rstrip('.')
            if nf['wanyuan'] and v:
                s += '万元'
    elif c == 'change':
        s = (f'+{v}') if (v > 0 and nf['plus']) else str(v)
    else:
        s = ('{:,}' if nf['thousands'] and v >= 1000 else '{}').format(v)
        if nf.get('jian') and t == 'applications' and rng.random() < 0.5:
            s += '件'
    if nf['fw'] == 'all' or (nf['fw'] == 'some' and rng.random() < 0.25):
        s = fullwidth(s).replace('-', '－').replace('+', '＋')
    if nf['pad'] and rng.random() < 0.6:
        s = rng.choice([' ' + s, s + ' '])
    return s


def parse_disp(s):
    s = unicodedata.normalize('NFKC', s).strip()
    s = s.replace(',', '').replace('万元', '').replace('元', '').replace('件', '')
    try:
        return float(s)
    except ValueError:
        return None


def refresh_display(rng, T, D, nf):
    """After planting: numbers whose display no longer matches get this file's number format."""
    for t, rows in T.items():
        for r, cols in rows.items():
            for c, v in cols.items():
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    p = parse_disp(D[(t, r, c)])
                    if p is None or abs(p - v) > 1e-9 or (nf['fw'] == 'all' and D[(t, r, c)].strip().isascii()):
                        D[(t, r, c)] = disp_value(rng, v, t, r, c, nf)


def make_display(rng, T, nf):
    D = {}
    for t, rows in T.items():
        for r, cols in rows.items():
            for c, v in cols.items():
                D[(t, r, c)] = disp_value(rng, v, t, r, c, nf)
    return D


# =====================================================================================
# cell-level defects (change T and D; return defect records with a 'tag' for the line)
# =====================================================================================
TEXT_VALUES = ['无', '/', '—', '－', '若干', '-', '不详', '无', '/']


def cell_def(kind, t, r, c, hint, **kw):
    d = {'kind': kind, 'rule_hint': hint, 'table': t, 'row': r, 'column': c, 'tag': ('cell', t, r, c),
         'alt_tags': [('row', t, r)]}
    d.update(kw)
    return d


def plant_blank(rng, T, D, tpl, layout, avoid):
    geometric = layout in ('spaces', 'pdf')   # a single blank cell cannot be placed in space-separated text
    tabs = [t for t in ('applications', 'reviews', 'active') if t in T]
    t = wchoice(rng, [(x, {'applications': 55, 'reviews': 20, 'active': 25}[x]) for x in tabs])
    if t == 'applications':
        whole = geometric or rng.random() < 0.3
        rows = [r for r in T[t] if all((t, r, c) not in avoid for c in APP_COLS)]
        if whole:
            rows = [r for r in rows if r not in ('results_total',)]
        r = rng.choice(rows)
        cols = APP_COLS if whole else [rng.choice(APP_COLS)]
    elif t == 'reviews':
        whole = geometric or rng.random() < 0.25
        if whole:
            r = 'review'
            cols = REV_COLS
            for g in REV_GROUPS:
                for c in REV_COLS:
                    T[t][g][c] = None
                    D[(t, g, c)] = ''
            return [cell_def('blank-cell', t, 'review', 'upheld',
                             'reviews: the whole row of fifteen numbers left blank',
                             alt_tags=[('row', t, g) for g in REV_GROUPS])]
        r = rng.choice(REV_GROUPS)
        cols = [rng.choice(REV_COLS)]
    else:
        if geometric:
            cands = [(r, list(T[t][r])) for r in T[t] if len(T[t][r]) == 1 or r in ('fees', 'procurement')]
            r, cols = rng.choice(cands)
        else:
            r = rng.choice([x for x in T[t] if x != 'regulations'] + ['fees', 'fees'])
            cols = [rng.choice(list(T[t][r]))]
            whole = False
    for c in cols:
        T[t][r][c] = None
        D[(t, r, c)] = ''
    hint = '{}.{}: {} left blank'.format(t, r, 'all cells' if len(cols) > 1 else cols[0])
    return [cell_def('blank-cell', t, r, cols[0], hint)]


def plant_invalid(rng, T, D, tpl, layout, avoid):
    tabs = [t for t in ('applications', 'reviews', 'active') if t in T]
    if 'applications' in tabs and rng.random() < 0.22:
        # a negative count that keeps every identity (the balance was "fixed" with a negative carry-forward)
        app = T['applications']
        c = rng.choice([x for x in PARTS if ('applications', 'carried_forward', x) not in avoid][:1]
                       or ['natural_person'])
        d = app['carried_forward'][c] + rng.randint(1, 2)
        r = rng.choice(['disclosed', 'unavailable_not_held', 'partly_disclosed'])
        for rr, cc, dd in ((r, c, d), (r, 'total', d), ('results_total', c, d), ('results_total', 'total', d),
                           ('carried_forward', c, -d), ('carried_forward', 'total', -d)):
            app[rr][cc] += dd
            D[('applications', rr, cc)] = str(app[rr][cc])
        for rr in (r, 'results_total'):
            for cc in (c, 'total'):
                fmt = '{:,}' if app[rr][cc] >= 1000 and rng.random() < 0.2 else '{}'
                D[('applications', rr, cc)] = fmt.format(app[rr][cc])
        tol = ['implausible-value']
        return [cell_def('invalid-value', 'applications', 'carried_forward', c,
                         f'negative count {app["carried_forward"][c]} in carried_forward.{c} (identities kept)',
                         tolerated=tol)]
    t = wchoice(rng, [(x, {'applications': 50, 'reviews': 20, 'active': 30}[x]) for x in tabs])
    if t == 'active':
        r = rng.choice(['fees', 'fees', 'penalty', 'enforcement', 'licensing']
                       + (['procurement'] if 'procurement' in T[t] else []))
        c = rng.choice(list(T[t][r]))
    elif t == 'reviews':
        r = rng.choice(REV_GROUPS)
        c = rng.choice(REV_COLS)
    else:
        cands = [(r, c) for r in T[t] for c in APP_COLS if (t, r, c) not in avoid]
        r, c = rng.choice(cands)
    s = rng.choice(TEXT_VALUES)
    T[t][r][c] = s
    D[(t, r, c)] = s
    tol = ['blank-cell'] if s in ('/', '—', '－', '-') else []
    return [cell_def('invalid-value', t, r, c, f'{t}.{r}.{c} holds {s!r}', tolerated=tol)]


def plant_total(rng, T, D, tpl, layout, avoid):
    choices = []
    if 'applications' in T:
        choices += ['part', 'part', 'rowtotal']
    if 'reviews' in T:
        choices += ['review']
    how = rng.choice(choices)
    k = rng.choice([1, 1, 1, 2, 3, 10])
    sign = 1 if rng.random() < 0.6 else -1
    if how == 'review':
        g = rng.choice(REV_GROUPS)
        cols = T['reviews'][g]
        v = cols['total'] + k * sign
        if v < 0:
            v = cols['total'] + k
        cols['total'] = v
        D[('reviews', g, 'total')] = str(v)
        return [cell_def('total-mismatch', 'reviews', g, 'total', f'reviews.{g}.total={v} != sum of parts',
                         identity=f'reviews:{g}')]
    app = T['applications']
    r = rng.choice(result_keys(tpl))
    c = rng.choice(PARTS[:2] if rng.random() < 0.8 else PARTS) if how == 'part' else 'total'
    v = app[r][c] + k * sign
    if v < 0:
        v = app[r][c] + k
    app[r][c] = v
    D[('applications', r, c)] = str(v)
    return [cell_def('total-mismatch', 'applications', r, c,
                     f'applications.{r}.{c} changed to {v}: row total and column (七)总计 no longer add up',
                     identity=f'row:{r};col:{c}')]


def plant_balance(rng, T, D, tpl, layout, avoid):
    app = T['applications']
    r = wchoice(rng, [('carried_forward', 5), ('carried_over', 3), ('new', 2)])
    if r == 'carried_forward' and app['carried_forward']['total'] > 0 and rng.random() < 0.5:
        # forgot to fill the carry-forward: zeros where there should be numbers
        for c in APP_COLS:
            app[r][c] = 0
            D[('applications', r, c)] = '0'
        broken = [x for x in APP_COLS if app['new'][x] + app['carried_over'][x] != app['results_total'][x]]
        c = broken[0]
        hint = 'carried_forward left as zeros though new+carried_over > results_total'
        others = [x for x in ('new', 'carried_over', 'results_total')]
        return [cell_def('balance-mismatch', 'applications', r, c, hint,
                         identity=';'.join(f'balance:{x}' for x in broken),
                         alt_tags=[('row', 'applications', x) for x in others])]
    else:
        c = PARTS[0] if rng.random() < 0.75 else rng.choice(PARTS)
        k = rng.choice([1, 1, 2, 3, 5])
        for cc in (c, 'total'):
            app[r][cc] += k
            fmt = '{:,}' if app[r][cc] >= 1000 and rng.random() < 0.2 else '{}'
            D[('applications', r, cc)] = fmt.format(app[r][cc])
        hint = f'applications.{r}.{c} and .total raised by {k} (row total kept, balance broken)'
    others = [x for x in ('new', 'carried_over', 'results_total', 'carried_forward') if x != r]
    return [cell_def('balance-mismatch', 'applications', r, c, hint, identity=f'balance:{c}',
                     alt_tags=[('row', 'applications', r)] + [('row', 'applications', x) for x in others])]


def plant_implausible(rng, T, D, tpl, layout, avoid):
    act = T['active']
    col = 'issued' if tpl == '2021' else 'made'
    k = rng.choice([1, 2, 3, 5, 8, 12, 21])
    act['regulations'][col] = k
    D[('active', 'regulations', col)] = str(k)
    if rng.random() < 0.5:
        c2 = 'in_force' if tpl == '2021' else 'total_published'
        act['regulations'][c2] = k + rng.randint(0, 6)
        D[('active', 'regulations', c2)] = str(act['regulations'][c2])
        if tpl == '2019':
            act['regulations']['published'] = k
            D[('active', 'regulations', 'published')] = str(k)
    return [cell_def('implausible-value', 'active', 'regulations', col,
                     f'regulations.{col}={k} reported by an organ that cannot make 规章')]


CELL_PLANTERS = {'blank-cell': plant_blank, 'invalid-value': plant_invalid, 'total-mismatch': plant_total,
                 'balance-mismatch': plant_balance, 'implausible-value': plant_implausible}


# =====================================================================================
# labels and tables as span structures
# =====================================================================================
def make_labelstyle(rng):
    return {'half': rng.random() < 0.2, 'numsep': wchoice(rng, [('.', 6), ('、', 3), ('．', 1)]),
            'quote': wchoice(rng, [('“”', 7), ('""', 2), ('‘’', 1)]),
            'itemhalf': rng.random() < 0.15, 'oldnorm': rng.random() < 0.15}


def L(s, st):
    if st['numsep'] != '.':
        s = re.sub(r'(?<![0-9])([1-8])\.', lambda m: m.group(1) + st['numsep'], s)
    q = st['quote']
    s = s.replace('“', q[0]).replace('”', q[1])
    if st['half']:
        s = s.replace('（', '(').replace('）', ')').replace('，', ',').replace('：', ':')
    elif st['itemhalf'] and s.startswith('第二十条'):
        s = s.replace('（', '(').replace('）', ')')
    return s


class C:
    __slots__ = ('cs', 'key', 'role', 'rs', 'text')

    def __init__(self, text, rs=1, cs=1, key=None, role='label'):
        self.text, self.rs, self.cs, self.key, self.role = text, rs, cs, key, role


def dc(D, key, cs=1):
    return C(D[key], 1, cs, key, 'data')


def active_label(lab, st):
    if lab == '行政规范性文件' and st.get('oldnorm'):
        return '规范性文件'
    return L(lab, st)


def span_active(tpl, D, st):
    rows = []
    for item, head, rws, cols in active_blocks(tpl):
        rows.append([C(L(item, st), 1, 4, role='group')])
        if len(head) == 4:
            rows.append([C(L(h, st), role='head') for h in head])
        elif len(head) == 3:
            rows.append([C(L(head[0], st), role='head'), C(L(head[1], st), role='head'),
                         C(L(head[2], st), 1, 2, role='head')])
        else:
            rows.append([C(L(head[0], st), role='head'), C(L(head[1], st), 1, 3, role='head')])
        for r, lab in rws:
            row = [C(active_label(lab, st))]
            if len(cols) == 3:
                row += [dc(D, ('active', r, c)) for c in cols]
            elif len(cols) == 2:
                row += [dc(D, ('active', r, cols[0])), dc(D, ('active', r, cols[1]), 2)]
            else:
                row += [dc(D, ('active', r, cols[0]), 3)]
            rows.append(row)
    return rows


def span_apps(tpl, D, st):
    rows = [[C(L(APP_NOTE, st), 3, 3, role='head'), C('申请人情况', 1, 7, role='head')],
            [C('自然人', 2, 1, role='head'), C('法人或其他组织', 1, 5, role='head'), C('总计', 2, 1, role='head')],
            [C(x, role='head') for x in ORG_LABELS]]
    ar = app_rows(tpl)
    n_g3 = sum(1 for _, g, _ in ar if g)
    seen = set()
    for k, g, label in ar:
        data = [dc(D, ('applications', k, c)) for c in APP_COLS]
        lab = []
        if not g:
            lab = [C(L(label, st), 1, 3)]
        else:
            if g[0] not in seen:
                seen.add(g[0])
                lab.append(C(L(g[0], st), n_g3, 1, role='group'))
            if len(g) == 1:
                lab.append(C(L(label, st), 1, 2))
            else:
                if g[1] not in seen:
                    seen.add(g[1])
                    lab.append(C(L(g[1], st), sum(1 for _, gg, _ in ar if gg[1:] == g[1:]), 1, role='group'))
                lab.append(C(L(label, st)))
        rows.append(lab + data)
    return rows


def span_reviews(D):
    rows = [[C('行政复议', 1, 5, role='head'), C('行政诉讼', 1, 10, role='head')],
            [*(C(x, 2, 1, role='head') for x in REV_LABELS),
             C('未经复议直接起诉', 1, 5, role='head'), C('复议后起诉', 1, 5, role='head')],
            [C(x, role='head') for x in REV_LABELS * 2],
            [dc(D, ('reviews', g, c)) for g in REV_GROUPS for c in REV_COLS]]
    return rows


def expand(rows):
    """Place span cells on a grid: grid[i][j] = (cell, di, dj) or None."""
    occ = {}
    ncols = 0
    for i, row in enumerate(rows):
        j = 0
        for c in row:
            while (i, j) in occ:
                j += 1
            for di in range(c.rs):
                for dj in range(c.cs):
                    occ[(i + di, j + dj)] = (c, di, dj)
            j += c.cs
            ncols = max(ncols, j)
    return [[occ.get((i, j)) for j in range(ncols)] for i in range(len(rows))], ncols


def line_tags(cells):
    tags = []
    for c in cells:
        if c is not None and c.key:
            t, r, col = c.key
            tags.append(('cell', t, r, col))
            if ('row', t, r) not in tags:
                tags.append(('row', t, r))
    return tags


def grid_cells(grid_row, mode):
    """The cells one grid row yields as text.  mode: word (rowspan-covered -> empty, colspan-covered -> omitted),
    omit (all covered omitted), empty (all covered -> empty), fill (covered -> repeated text)."""
    out = []
    for e in grid_row:
        if e is None:
            out.append(('', None))
            continue
        c, di, dj = e
        if di == 0 and dj == 0:
            out.append((c.text, c))
        elif mode == 'fill' and c.role != 'data':
            out.append((c.text, None))
        elif mode == 'empty' or mode == 'fill' or (mode == 'word' and dj == 0):
            out.append(('', None))
    return out


# =====================================================================================
# renderers: each returns [(line, [tags])]
# =====================================================================================
def render_gridtext(rows, layout, sub, rng):
    grid, ncols = expand(rows)
    mode = {'pipe': {'seed': 'omit', 'plain': 'word', 'boxed': 'empty', 'fill': 'fill'}.get(sub, 'empty'),
            'tsv': {'word': 'word', 'fill': 'fill'}.get(sub, 'empty'),
            'markdown': 'fill' if sub == 'fill' else 'empty'}[layout]
    boldhead = layout == 'markdown' and rng.random() < 0.3
    extra = rng.choice([0, 0, 1])
    strip_some = rng.random() < 0.3
    out = []
    for i, grow in enumerate(grid):
        cells = grid_cells(grow, mode)
        texts = [t for t, c in cells]
        if boldhead and i == 0:
            texts = [f'**{t}**' if t else t for t in texts]
        tags = line_tags([c for t, c in cells])
        if layout == 'pipe':
            if sub == 'seed':
                if not (strip_some and rng.random() < 0.25):
                    texts += [''] * (ncols + extra - len(texts))
                s = ''.join((t + ' | ') if t.strip() else '|' for t in texts).rstrip()
            elif sub == 'plain':
                s = ' | '.join(texts)
            else:
                s = '| ' + ' | '.join(texts) + ' |'
        elif layout == 'tsv':
            s = '\t'.join(texts)
            if strip_some:
                s = s.rstrip('\t')
        else:  # markdown
            s = '| ' + ' | '.join(texts) + ' |'
        out.append((s, tags))
        if layout == 'markdown' and i == 0:
            out.append(('|' + '|'.join([rng.choice(['---', ':---:', '---'])] * ncols) + '|', []))
    return out


KNOWN_CUTS = {'其他对外管理服务事项': 6, '本年处理决定数量': 4, '本年新制作数量': 5, '本年新公开数量': 5,
              '对外公开总数量': 4, '上一年项目数量': 3, '法律服务机构': 4, '社会公益组织': 4, '未经复议直接起诉': 4,
              '本年制发件数': 4, '本年废止件数': 4, '现行有效件数': 4}


def natural_cut(t):
    """Where an author would have broken a cell label by hand (其他对外管理 / 服务事项, （三） / 不予公开), or None."""
    if t in KNOWN_CUTS:
        return KNOWN_CUTS[t]
    m = re.match(r'^[（(][一二三四五六七][）)]', t)
    if m and 2 <= len(t) - m.end() <= 6:
        return m.end()
    for i, ch in enumerate(t):
        if ch in '（(' and i > 3 and len(t) - i >= 4:
            return i
    return None


def render_cells(rows, rng):
    """One cell per line, tab-indented, blank line between rows (Word 'copy table as text')."""
    grid, _ = expand(rows)
    out = []
    split_p = rng.choice([0.0, 0.15, 0.35])
    for grow in grid:
        cells = grid_cells(grow, 'word')
        rowkeys = [c.key for t, c in cells if c is not None and c.key]
        rtag = [('rowlabel', k[0], k[1]) for k in rowkeys[:1]]
        for t, c in cells:
            if c is not None and c.key:
                out.append(('\t' + t, line_tags([c])))
            elif natural_cut(t) and rng.random() < split_p:
                cut = natural_cut(t)
                out.append(('\t' + t[:cut], rtag))
                out.append(('', rtag))
                out.append((t[cut:], rtag))
            else:
                out.append(('\t' + t, rtag if t else []))
        out.append(('', []))
    return out


def html_cell(c, rng, deco):
    t = c.text
    if deco == 'word':   # HTML saved from Word: MsoNormal paragraphs, unquoted attributes, <o:p>
        if c.role == 'data' and not t.strip():
            inner = ("<p class=MsoNormal align=center style='text-align:center'>"
                     "<span lang=EN-US><o:p>&nbsp;</o:p></span></p>")
        else:
            inner = ("<p class=MsoNormal align=center style='text-align:center'>"
                     f"<span style='font-size:10.5pt;font-family:宋体'>{t}"
                     "<span lang=EN-US><o:p></o:p></span></span></p>")
        attrs = (f" width={rng.randint(40, 200)} valign=center"
                 " style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'")
        if c.rs > 1:
            attrs = f' rowspan={c.rs}' + attrs
        if c.cs > 1:
            attrs = f' colspan={c.cs}' + attrs
        return f'<td{attrs}>{inner}</td>'
    if c.role == 'data':
        if not t.strip():
            inner = rng.choice(['', '&nbsp;', '<p>&nbsp;</p>', '<span></span>', ' '])
        elif deco == 'plain':
            inner = t + ('<br>' if rng.random() < 0.05 else '')
        elif deco == 'p':
            inner = f'<p align="center">{t}</p>'
        else:
            inner = f'<p style="text-align:center"><span style="font-family:仿宋_GB2312;font-size:14px">{t}</span></p>'
    else:
        if dwidth(t) > 20 and rng.random() < 0.5:
            m = re.search(r'[（(]', t[2:])
            if m:
                p = m.start() + 2
                t = t[:p] + '<br/>' + t[p:]
        if deco == 'plain':
            inner = t if c.role != 'head' or rng.random() < 0.5 else f'<strong>{t}</strong>'
        elif deco == 'p':
            inner = f'<p>{t}</p>'
        else:
            inner = ('<p style="text-align:left"><span style="font-size:14px">'
                     f'<span style="font-family:宋体">{t}</span></span></p>')
            if c.role == 'head':
                inner = f'<div><strong>{inner}</strong></div>'
    attrs = ''
    if c.rs > 1:
        attrs += f' rowspan="{c.rs}"'
    if c.cs > 1:
        attrs += f' colspan="{c.cs}"'
    if rng.random() < 0.3:
        attrs += ' style="border:1px solid #000;padding:4px"'
    if rng.random() < 0.2:
        attrs += f' class="xl{rng.randint(60, 90)}"'
    tag = 'td' if (c.role != 'head' or rng.random() < 0.7) else 'th'
    return f'<{tag}{attrs}>{inner}</{tag}>'


def render_html_table(rows, rng, sub, deco):
    out = []
    width = rng.choice(['100%', '600', '95%'])
    open_t = rng.choice([f'<table border="1" cellspacing="0" cellpadding="0" width="{width}">',
                         f'<table class="MsoNormalTable" style="border-collapse:collapse;width:{width}">',
                         '<table>'])
    use_tbody = rng.random() < 0.6
    if sub == 'minified':
        parts = [open_t + ('<tbody>' if use_tbody else '')]
        tags = []
        for row in rows:
            parts.append('<tr>' + ''.join(html_cell(c, rng, deco) for c in row) + '</tr>')
            tags += line_tags(row)
        parts.append(('</tbody>' if use_tbody else '') + '</table>')
        return [(''.join(parts), tags)]
    out.append((open_t, []))
    nhead = 0
    if rng.random() < 0.2:
        nhead = 0
        while nhead < len(rows) and all(c.role in ('head', 'group') for c in rows[nhead]) and nhead < 3:
            nhead += 1
    if nhead:
        out.append(('<thead>', []))
    elif use_tbody:
        out.append(('<tbody>', []))
    for ri, row in enumerate(rows):
        if nhead and ri == nhead:
            out.append(('</thead>', []))
            if use_tbody:
                out.append(('<tbody>', []))
        if sub == 'rowline':
            out.append(('<tr>' + ''.join(html_cell(c, rng, deco) for c in row) + '</tr>', line_tags(row)))
        else:
            keys = [c.key for c in row if c.key]
            out.append(('<tr>', []))
            for c in row:
                tg = line_tags([c]) if c.key else ([('rowlabel', keys[0][0], keys[0][1])] if keys else [])
                out.append((' ' * rng.choice([0, 2, 4]) + html_cell(c, rng, deco), tg))
            out.append(('</tr>', []))
    if use_tbody:
        out.append(('</tbody>', []))
    out.append(('</table>', []))
    return out


# ---------------------------------------------------------------- spaces / pdf (semantic renderers)
def stack2(label):
    """Split a header word into two stacked pieces (本年制发件数 -> 本年制发 / 件数)."""
    if len(label) <= 3:
        return label, ''
    h = (len(label) + 1) // 2
    if label.endswith('数量') or label.endswith('件数'):
        h = len(label) - 2
    return label[:h], label[h:]


class SemRender:
    """Space-aligned ('spaces') or PDF-text ('pdf') rendering, from row semantics."""

    def __init__(self, layout, sub, rng, st, D, pdfstate):
        self.layout, self.sub, self.rng, self.st, self.D = layout, sub, rng, st, D
        self.out = []
        self.ps = pdfstate           # shared page counter etc. for pdf
        self.sep = ' '
        self.LW = rng.choice([38, 42, 46, 50])
        self.DW = rng.choice([6, 7, 8, 10])
        self.glue = rng.random() < 0.4          # pdf: group label glued in front of the first row label
        self.wrap_at = rng.choice([16, 20, 24, 30])  # pdf: label width before wrapping
        self.numfirst = rng.random() < 0.7

    def add(self, s, tags=()):
        self.out.append((s, list(tags)))

    def nums(self, keys):
        return [self.D[k].strip() for k in keys]

    def data_line(self, label, keys, indent=0, prefix=''):
        """label + numbers; wraps long labels; returns nothing (appends)."""
        t, r = keys[0][0], keys[0][1]
        tags = [('cell', *k) for k in keys] + [('row', t, r)]
        ltag = [('rowlabel', t, r)]
        nums = self.nums(keys)
        if self.layout == 'pdf' and self.sub == 'stacked':
            if prefix:
                self.add(prefix.strip(), ltag)
            for piece in wrap_w(label, self.wrap_at * 2):
                self.add(piece, ltag)
            for k, n in zip(keys, nums, strict=True):
                if n:
                    self.add(n, [('cell', *k), ('row', t, r)])
            return
        if self.layout == 'pdf':
            pieces = wrap_w(label, self.wrap_at * 2) if dwidth(label) > self.wrap_at * 2 else [label]
            if prefix:
                pieces[0] = prefix + pieces[0]
            body = self.sep.join(n for n in nums if n)
            where = 0 if self.numfirst else len(pieces) - 1
            for i, p in enumerate(pieces):
                if i == where and body:
                    self.add(p + ' ' + body, tags + ltag)
                else:
                    self.add(p, ltag if (i != where) else tags + ltag)
            return
        # spaces
        ind = ' ' * indent
        pieces = wrap_w(label, self.LW - 2 - indent)
        where = 0 if self.numfirst else len(pieces) - 1
        for i, p in enumerate(pieces):
            if i == where:
                s = dpad(ind + p, self.LW) + ''.join(dpad(n, self.DW, right=True) for n in nums)
                self.add(s.rstrip(), tags + ltag)
            else:
                self.add(ind + p, ltag)

    def head(self, words, widths=None, lead=''):
        """A header line: in pdf words separated by spaces, in spaces aligned under columns."""
        if self.layout == 'pdf':
            self.add((lead + ' ' if lead else '') + ' '.join(w for w in words if w))
        else:
            widths = widths or [self.DW] * len(words)
            cells = ''.join(dpad(w, wd, right=True) for w, wd in zip(words, widths, strict=True))
            self.add((dpad(lead, self.LW) + cells).rstrip())

    def page_break(self, repeat=None):
        ps = self.ps
        ps['page'] += 1
        mk = ps['marker'].format(n=ps['page'], m=ps['pages'])
        if ps['formfeed']:
            mk = '\f' + mk
        if self.rng.random() < 0.5:
            self.add('')
        self.add(mk, [('pagemark',)])
        if ps['running']:
            self.add(ps['running'])
        if repeat:
            repeat()

    # ----------------------------------------------------------------------------- tables
    def active(self, tpl):
        st = self.st
        blocks = active_blocks(tpl)
        for bi, (item, head, rws, cols) in enumerate(blocks):
            self.add(L(item, st))
            if self.layout == 'pdf' and self.rng.random() < 0.5 and len(head) > 2:
                a = [stack2(L(h, st)) for h in head[1:]]
                self.head([x[0] for x in a], lead=L(head[0], st))
                self.add(' '.join(x[1] for x in a if x[1]))
            else:
                vw = max(dwidth(self.D[('active', r, c)].strip()) for r, lab in rws for c in cols) + 2
                hw = [max(dwidth(L(h, st)) + 2, 10, vw) for h in head[1:]]
                self.head([L(h, st) for h in head[1:]], hw, lead=L(head[0], st))
            for r, lab in rws:
                keys = [('active', r, c) for c in cols]
                if self.layout == 'spaces':
                    vw = max(dwidth(self.D[k].strip()) for k in keys) + 2
                    hw = [max(dwidth(L(h, st)) + 2, 10, vw) for h in head[1:]]
                    nums = self.nums(keys)
                    s = dpad(active_label(lab, st), self.LW) + ''.join(
                        dpad(n, w, right=True) for n, w in zip(nums, hw, strict=True))
                    self.add(s.rstrip(),
                             [*(('cell', *k) for k in keys), ('row', 'active', r), ('rowlabel', 'active', r)])
                else:
                    self.data_line(active_label(lab, st), keys)
            if self.layout == 'pdf' and bi == 2 and self.ps['breaks_in_tables'] and self.rng.random() < 0.3:
                self.page_break()

    def apps_header(self):
        st = self.st
        note = L(APP_NOTE, st)
        if self.layout == 'pdf':
            if self.rng.random() < 0.5:
                for p in wrap_w(note, self.rng.choice([30, 40, 48])):
                    self.add(p)
            else:
                self.add(note)
            self.add('申请人情况')
            if self.sub == 'stacked':
                for w in ['自然人', '法人或其他组织', '总计', *ORG_LABELS]:
                    self.add(w)
                return
            self.add('自然人 法人或其他组织 总计')
            if self.rng.random() < 0.5:
                a = [stack2(x) for x in ORG_LABELS]
                self.add(' '.join(x[0] for x in a))
                self.add(' '.join(x[1] for x in a if x[1]))
            else:
                self.add(' '.join(ORG_LABELS))
            return
        p1, p2 = ([*wrap_w(note, self.LW - 2), ''])[:2]
        DW = self.DW
        self.add((dpad(p1, self.LW) + dpad('申请人情况', 7 * DW // 2 + 5, right=True)).rstrip())
        self.add((dpad(p2, self.LW) + dpad('自然人', DW, right=True)
                  + dpad('法人或其他组织', 5 * DW // 2 + 7, right=True)
                  + ' ' * (5 * DW - 5 * DW // 2 - 7) + dpad('总计', DW, right=True)).rstrip())
        a = [[x] for x in ORG_LABELS] if DW >= 14 else [[x[i:i + 2] for i in range(0, len(x), 2)] for x in ORG_LABELS]
        for k in range(max(len(x) for x in a)):
            cells = ''.join(dpad(x[k] if k < len(x) else '', DW, right=True) for x in a)
            self.add((' ' * (self.LW + DW) + cells).rstrip())

    def fit(self, keys):
        w = max([dwidth(self.D[k].strip()) for k in keys] + [1])
        if w + 2 > self.DW:
            self.DW = w + 2

    def apps(self, tpl):
        st = self.st
        self.fit([k for k in self.D if k[0] == 'applications'])
        self.apps_header()
        rows = app_rows(tpl)
        seen = set()
        breaks = set()
        if self.layout == 'pdf' and self.ps['breaks_in_tables']:
            breaks = {self.rng.randint(3, len(rows) - 3)}
        for i, (k, g, lab) in enumerate(rows):
            if i in breaks:
                self.page_break(repeat=self.apps_header if self.ps['repeat_header'] else None)
            keys = [('applications', k, c) for c in APP_COLS]
            prefix = ''
            for lvl, gl in enumerate(g):
                if gl not in seen:
                    seen.add(gl)
                    if self.layout == 'pdf' and self.glue and self.sub != 'stacked':
                        prefix += L(gl, st) + ' '
                    else:
                        self.add((' ' * (2 * lvl) if self.layout == 'spaces' else '') + L(gl, st))
            self.data_line(L(lab, st), keys, indent=2 * len(g), prefix=prefix)

    def reviews(self):
        self.fit([k for k in self.D if k[0] == 'reviews'])
        DW = max(self.DW, 6)
        if self.layout == 'pdf':
            if self.sub == 'stacked':
                for w in ['行政复议', '行政诉讼'] + REV_LABELS + ['未经复议直接起诉', '复议后起诉'] + REV_LABELS * 2:
                    self.add(w)
            else:
                self.add('行政复议 行政诉讼')
                if self.rng.random() < 0.5:
                    self.add(' '.join(REV_LABELS) + ' 未经复议直接起诉 复议后起诉')
                    self.add(' '.join(REV_LABELS * 2))
                else:
                    self.add('结果 结果 其他 尚未 总计 未经复议直接起诉 复议后起诉')
                    self.add('维持 纠正 结果 审结')
                    self.add(' '.join(['结果 结果 其他 尚未 总计'] * 2))
                    self.add(' '.join(['维持 纠正 结果 审结'] * 2))
        else:
            self.add((dpad('行政复议', 5 * DW // 2 + 2, right=True) + ' ' * (5 * DW - 5 * DW // 2 - 2)
                      + dpad('行政诉讼', 10 * DW // 2 + 2, right=True)).rstrip())
            self.add((' ' * (5 * DW) + dpad('未经复议直接起诉', 5 * DW // 2 + 8, right=True)
                      + ' ' * (5 * DW - 5 * DW // 2 - 8) + dpad('复议后起诉', 5 * DW // 2 + 5, right=True)).rstrip())
            if DW >= 9:
                self.add(''.join(dpad(x, DW, right=True) for x in REV_LABELS * 3))
            else:
                self.add(''.join(dpad(x[:2], DW, right=True) for x in REV_LABELS * 3))
                self.add(''.join(dpad(x[2:], DW, right=True) for x in REV_LABELS * 3))
        keys = [('reviews', g, c) for g in REV_GROUPS for c in REV_COLS]
        nums = self.nums(keys)
        tags = [('cell', *k) for k in keys] + [('row', 'reviews', g) for g in REV_GROUPS]
        if self.layout == 'pdf' and self.sub == 'stacked':
            for k, n in zip(keys, nums, strict=True):
                if n:
                    self.add(n, [('cell', *k), ('row', 'reviews', k[1])])
            if not any(nums):
                self.add('', tags)
            return
        if self.layout == 'pdf':
            self.add(' '.join(n for n in nums if n), tags)
        else:
            self.add(''.join(dpad(n, DW, right=True) for n in nums).rstrip(), tags)


def render_table(layout, sub, tname, tpl, D, st, rng, pdfstate, deco='plain'):
    if layout in ('spaces', 'pdf'):
        R = SemRender(layout, sub, rng, st, D, pdfstate)
        if tname == 'active':
            R.active(tpl)
        elif tname == 'applications':
            R.apps(tpl)
        else:
            R.reviews()
        return R.out
    rows = {'active': lambda: span_active(tpl, D, st), 'applications': lambda: span_apps(tpl, D, st),
            'reviews': lambda: span_reviews(D)}[tname]()
    if layout == 'html':
        if tname == 'active' and rng.random() < 0.3:
            out, cur = [], []
            for row in rows:
                if row[0].role == 'group' and cur:
                    out += render_html_table(cur, rng, sub, deco)
                    out.append(('<p>&nbsp;</p>', []))
                    cur = []
                cur.append(row)
            return out + render_html_table(cur, rng, sub, deco)
        return render_html_table(rows, rng, sub, deco)
    if layout == 'cells':
        return render_cells(rows, rng)
    return render_gridtext(rows, layout, sub, rng)


# =====================================================================================
# prose banks (all written for this generator)
# =====================================================================================
OPENINGS = [
    '{y}年，{org}坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》（以下简称《条例》），紧紧围绕中心工作，扎实推进政府信息公开工作，政务公开质量和实效不断提升。',
    '{y}年，在{upper}的正确领导下，{me}认真落实国家和省、市关于政务公开工作的决策部署，坚持以公开为常态、不公开为例外，持续深化政务公开，切实保障人民群众的知情权、参与权、表达权和监督权。',
    '{y}年度，{me}严格按照《条例》要求，坚持依法公开、真实公正、注重实效、有利监督的原则，进一步完善工作机制，拓宽公开渠道，规范依申请公开办理，政府信息公开工作取得新成效。',
    '今年以来，{me}把政府信息公开工作作为推进法治政府建设的重要抓手，统筹推进主动公开、依申请公开、平台建设和监督保障各项工作，各项任务有序推进。',
    '{y}年，{org}以提升政务公开标准化规范化水平为主线，聚焦群众关切，强化制度执行，政府信息公开工作总体运行平稳。',
]
SUBITEMS = {
    'org': (['加强组织领导', '健全工作机制', '强化组织保障'],
            ['{lead}高度重视政府信息公开工作，将其列入年度重点工作，调整充实了政务公开工作领导小组，明确由{office}具体负责日常工作，形成了主要领导亲自抓、分管领导具体抓、专人负责落实的工作格局。',
             '{me}坚持把政务公开工作与业务工作同部署、同落实、同考核，{y}年召开专题会议{k1}次，研究解决工作中的具体问题，确保各项工作落到实处。']),
    'active': (['主动公开情况', '做好主动公开', '深化主动公开', '主动公开政府信息'],
               ['全年通过门户网站主动公开政府信息{a}条，其中政策文件{b}条、工作动态{c}条、通知公告{d}条；通过政务新媒体发布信息{e}条。',
                '围绕财政预决算、重大建设项目、公共资源配置、社会救助等重点领域，及时公开相关信息{f}条，做到应公开尽公开。',
                '{me}累计发布各类政府信息{a}条，较上年增长{pct}%，公开的及时性和准确性进一步提高。',
                '全年主动公开政府信息{a}条，较{y0}年的{b}条有所增加。']),
    'apply': (['依申请公开情况', '规范依申请公开', '依申请公开办理'],
              ['{me}严格落实依申请公开受理、审查、答复等环节的工作要求，做到依法、规范、按时答复。']),
    'manage': (['政府信息管理', '加强政府信息管理', '规范信息管理'],
               ['严格落实政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”原则，全年未发生泄密事件。',
                '按照规范性文件“三统一”要求，对现行有效的规范性文件进行清理，对{k2}件文件重新认定公开属性，并及时在门户网站公开清理结果。']),
    'platform': (['平台建设', '加强平台建设', '政府信息公开平台建设'],
                 ['持续加强政府网站和政务新媒体管理，全年开展网站自查{k1}次，整改问题{k3}个，网站未出现严重错误表述和泄密事件。',
                  '优化政府信息公开专栏设置，完善法定主动公开内容栏目，确保信息发布及时、准确、规范。']),
    'supervise': (['监督保障', '强化监督保障', '加强监督考核'],
                  ['将政务公开工作纳入年度绩效考核，组织开展政务公开业务培训{k1}次，参训人员{k4}人次。',
                   '主动接受社会监督，畅通意见反馈渠道，认真办理群众通过网站、热线等渠道反映的问题。']),
    'interpret': (['政策解读和回应关切', '加强政策解读', '回应社会关切'],
                  ['围绕重要政策文件，采用图文、视频、问答等多种形式发布政策解读{k5}篇，提升解读的针对性和实效性。',
                   '办理人大代表建议{k6}件、政协委员提案{k7}件，办理结果全部按要求公开。']),
}
PROBLEMS = [
    '{y}年，{me}政府信息公开工作取得了一定成效，但仍存在一些不足：一是公开内容的全面性和及时性有待进一步提高；二是政策解读形式较为单一，解读质量有待提升；三是工作人员业务能力有待加强。',
    '主要问题：部分栏目信息更新不够及时，依申请公开答复的规范化水平还需提升，基层政务公开标准化规范化工作有待深化。',
    '对照上级要求和群众期盼，{me}政府信息公开工作还存在一些差距，主要是主动公开的深度和广度还不够，公众参与渠道有待进一步拓宽。',
]
IMPROVES = [
    '下一步，{me}将从以下方面加以改进：一是加强学习培训，提升工作人员业务水平；二是强化信息发布审核，确保公开信息准确及时；三是丰富政策解读形式，增强解读实效。',
    '{y1}年，{me}将进一步健全政府信息公开工作机制，加大重点领域信息公开力度，完善依申请公开办理流程，推动政府信息公开工作再上新台阶。',
    '针对上述问题，{me}将认真落实《条例》规定，持续推进决策、执行、管理、服务、结果公开，不断提升政务公开工作质量。',
]
LAST_YEAR_FIX = ['关于上年度问题整改情况：针对上年度报告中提出的栏目更新不及时问题，{me}已建立信息发布台账，'
                 '实行每周巡查，问题已基本整改到位。',
                 '上年度存在的问题均已按要求完成整改。']
FEE_OK = [
    '{y}年度，{me}未发出收费通知，未收取信息处理费。',
    '本年度未收取信息处理费。',
    '依据《政府信息公开信息处理费管理办法》，{y}年{me}发出收费通知{fk}件，涉及金额{fa}元，实际收取信息处理费{fa}元。',
    '{me}未依据《政府信息公开信息处理费管理办法》收取信息处理费。',
    '按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）规定，{me}本年度发出收费通知0次，收取信息处理费0元。',
    '收取信息处理费的情况：本年度未发出收费通知，未收取信息处理费用。',
]
OTHER_MATTERS = [
    '本年度，{me}共办理人大代表建议{k6}件、政协提案{k7}件，均已按期办结并公开办理结果。',
    '{me}认真落实《{y}年政务公开工作要点》，各项任务均已按时完成。',
    '本年度无其他需要报告的事项。',
]
NO_FEE_SEC6 = ['无。', '无', '本年度无其他需要报告的事项。', '{me}无其他需要报告的事项。',
               '本年度，{me}共办理人大代表建议{k6}件、政协提案{k7}件，均已按期办结并公开办理结果。',
               '{me}认真落实《{y}年政务公开工作要点》，各项任务均已按时完成。']
SEC6_2019 = ['无', '无。', '本年度无其他需要报告的事项。', '{me}无其他需要报告的事项。',
             '本年度，{me}共办理人大代表建议{k6}件、政协提案{k7}件，均已按期办结并公开办理结果。',
             '本年度{me}未收取政府信息公开相关费用。']
PERIODS = ['本报告中所列数据的统计期限自{p}年1月1日起至{p}年12月31日止。',
           '本年度报告中所列数据统计期限自{p}年1月1日至{p}年12月31日。',
           '报告中所列数据的统计期限为{p}年1月1日至{p}年12月31日。',
           '本报告所列数据统计期限为{p}年1月1日起至{p}年12月31日止。']


# =====================================================================================
# narrative sentences about the statistics
# =====================================================================================
class Narr:
    def __init__(self, rng, T, me, y, cnum):
        self.rng, self.T, self.me, self.y, self.cnum = rng, T, me, y, cnum

    def v(self, t, r, c):
        x = self.T.get(t, {}).get(r, {}).get(c)
        return x if isinstance(x, int) and not isinstance(x, bool) and x >= 0 else None

    def n(self, x):
        if self.cnum and 1 <= x <= 99 and self.rng.random() < 0.5:
            return cn_int(x)
        return str(x)

    def apps(self):
        """Sentences (text, refs): refs = [(table,row,col,stated)] that a reviewer compares with the table."""
        v, n = self.v, self.n
        N, M, R, K = v('applications', 'new', 'total'), v('applications', 'carried_over', 'total'), \
            v('applications', 'results_total', 'total'), v('applications', 'carried_forward', 'total')
        np = v('applications', 'new', 'natural_person')
        rng = self.rng
        out = []
        if N is None:
            return out
        if N == 0 and M == 0 and rng.random() < 0.8:
            none = rng.choice(['本年度{me}未收到政府信息公开申请。',
                               '{y}年，{me}未收到政府信息公开申请，无上年结转申请。',
                               '全年未收到公民、法人或其他组织提出的政府信息公开申请。'])
            out.append((none.format(me=self.me, y=self.y), [('applications', 'new', 'total', 0)]))
            return out
        opts = []
        if None not in (M, R, K):
            opts.append('b')
        if np is not None:
            opts.append('c')
        if M == 0:
            opts.append('d')
        if M and None not in (R, K):
            opts.append('e')
        opts.append('plain')
        kind = rng.choice(opts)
        if kind == 'b':
            out.append((f'{self.y}年，{self.me}共收到政府信息公开申请{n(N)}件，上年结转{n(M)}件，办结{n(R)}件，'
                        f'结转下年度继续办理{n(K)}件。',
                        [('applications', 'new', 'total', N), ('applications', 'carried_over', 'total', M),
                         ('applications', 'results_total', 'total', R),
                         ('applications', 'carried_forward', 'total', K)]))
        elif kind == 'c':
            out.append((f'本年度新收政府信息公开申请{n(N)}件，其中自然人申请{n(np)}件，'
                        f'法人或其他组织申请{n(max(0, N - np))}件。',
                        [('applications', 'new', 'total', N), ('applications', 'new', 'natural_person', np)]))
        elif kind == 'd':
            prev = max(0, N + rng.choice([-7, -3, -2, 2, 4, 9, 15]))
            word = '有所增加' if prev < N else '有所减少'
            out.append((f'全年共受理政府信息公开申请{n(N)}件，较上年的{n(prev)}件{word}。',
                        [('applications', 'new', 'total', N)]))
        elif kind == 'e':
            out.append((f'共受理政府信息公开申请{n(N + M)}件（含上年结转{n(M)}件），已办结{n(R)}件，'
                        f'结转至下一年度办理{n(K)}件。',
                        [('applications', 'carried_over', 'total', M), ('applications', 'results_total', 'total', R),
                         ('applications', 'carried_forward', 'total', K)]))
        else:
            out.append((f'{self.y}年，{self.me}收到政府信息公开申请{n(N)}件。', [('applications', 'new', 'total', N)]))
        if N > 3 and rng.random() < 0.4:
            a = rng.randint(0, N)
            b = rng.randint(0, N - a)
            out.append((f'其中网上申请{n(a)}件、信函申请{n(b)}件、当面申请{n(N - a - b)}件。', []))
        if R and rng.random() < 0.35:
            tpl = '2021' if 'other_misc' in self.T['applications'] else '2019'
            app = self.T['applications']
            grp = {'公开': ['disclosed'], '部': ['partly_disclosed'], '不予公开': [k for k, _ in WITHHELD],
                   '无法提供': [k for k, _ in UNAVAIL], '不予处理': [k for k, _ in REJECT],
                   '其他处理': ([k for k, _ in OTHER21] if tpl == '2021' else ['other'])}
            vals = {}
            for g, ks in grp.items():
                xs = [app[k]['total'] for k in ks]
                if not all(isinstance(x, int) for x in xs):
                    return out
                vals[g] = sum(xs)
            stated = [n(vals[g]) for g in ['公开', '部', '不予公开', '无法提供', '不予处理', '其他处理']]
            out.append(('从办理结果看，予以公开{}件，部分公开{}件，不予公开{}件，无法提供{}件，不予处理{}件，'
                        '其他处理{}件。'.format(*stated),
                        [('applications', 'disclosed', 'total', vals['公开']),
                         ('applications', 'partly_disclosed', 'total', vals['部'])]))
        return out

    def reviews(self):
        v, n, rng = self.v, self.n, self.rng
        r = v('reviews', 'review', 'total')
        ld, la = v('reviews', 'litigation_direct', 'total'), v('reviews', 'litigation_after_review', 'total')
        if None in (r, ld, la):
            return []
        lit = ld + la
        if r == 0 and lit == 0:
            none = rng.choice(['本年度{me}未发生因政府信息公开引起的行政复议、行政诉讼案件。',
                               '{y}年，{me}未发生政府信息公开行政复议和行政诉讼案件。',
                               '全年没有因政府信息公开申请行政复议、提起行政诉讼的情况。'])
            return [(none.format(me=self.me, y=self.y),
                     [('reviews', 'review', 'total', 0), ('reviews', 'litigation_direct', 'total', 0),
                      ('reviews', 'litigation_after_review', 'total', 0)])]
        u, c, p = (v('reviews', 'review', 'upheld'), v('reviews', 'review', 'corrected'),
                   v('reviews', 'review', 'pending'))
        if lit == 0 and r > 0 and None not in (u, c, p) and rng.random() < 0.5:
            return [(f'因政府信息公开被申请行政复议{n(r)}件，其中结果维持{n(u)}件、结果纠正{n(c)}件，'
                     f'尚未审结{n(p)}件；未发生行政诉讼。',
                     [('reviews', 'review', 'total', r), ('reviews', 'review', 'upheld', u),
                      ('reviews', 'review', 'corrected', c), ('reviews', 'review', 'pending', p)])]
        if rng.random() < 0.5:
            return [(f'{self.y}年，{self.me}因政府信息公开被申请行政复议{n(r)}件、被提起行政诉讼{n(lit)}件。',
                     [('reviews', 'review', 'total', r)])]
        x = rng.randint(1, 4)
        return [('全年共发生政府信息公开行政复议案件{}件、行政诉讼案件{}件（其中未经复议直接起诉{}件、'
                 '复议后起诉{}件），较上年{}{}件。'.format(n(r), n(lit), n(ld), n(la), rng.choice(['减少', '增加']),
                                                    n(x)),
                 [('reviews', 'review', 'total', r), ('reviews', 'litigation_direct', 'total', ld),
                  ('reviews', 'litigation_after_review', 'total', la)])]

    def active(self, tpl):
        v, n = self.v, self.n
        if tpl == '2021':
            a, b = v('active', 'normative_documents', 'issued'), v('active', 'normative_documents', 'in_force')
            if a is None or b is None:
                return []
            return [(f'本年度制发行政规范性文件{n(a)}件，现行有效行政规范性文件{n(b)}件，'
                     '均已在门户网站规范性文件专栏集中公开。',
                     [('active', 'normative_documents', 'issued', a),
                      ('active', 'normative_documents', 'in_force', b)])]
        a = v('active', 'normative_documents', 'made')
        if a is None:
            return []
        return [(f'本年度新制作规范性文件{n(a)}件。', [('active', 'normative_documents', 'made', a)])]


def falsify(rng, x):
    """A wrong number a careless writer could have typed."""
    cands = [x + 1, x + 2, x + 3, max(0, x - 1), x * 10 if x else 10, x + 5]
    s = str(x)
    if len(s) >= 2 and s[0] != s[1]:
        cands.append(int(s[1] + s[0] + s[2:]))
    cands = [c for c in cands if c != x and c >= 0]
    return rng.choice(cands)


# =====================================================================================
# report blocks
# =====================================================================================
def B(t, **kw):
    kw['t'] = t
    return kw


def title_lines(rng, org, y, enc):
    name = org['name']
    circle = '○' if enc == 'big5' else rng.choice(['〇', '〇', '○'])
    ys = str(y)
    style = wchoice(rng, [('t1', 20), ('t2', 20), ('t3', 12), ('t4', 10), ('split', 8), ('organ_first', 8),
                          ('cnyear', 8), ('nianbao', 5), ('quoted', 4)])
    if style == 't1':
        ls = [f'{name}{ys}年政府信息公开工作年度报告']
    elif style == 't2':
        ls = [f'{name}{ys}年度政府信息公开工作年度报告']
    elif style == 't3':
        ls = [f'{ys}年度{name}政府信息公开工作年度报告']
    elif style == 't4':
        ls = [f'{name}关于{ys}年度政府信息公开工作的年度报告']
    elif style == 'split':
        ls = [f'{name}{ys}年政府信息公开工作', '年度报告']
    elif style == 'organ_first':
        ls = [name, f'{ys}年政府信息公开工作年度报告']
    elif style == 'cnyear':
        ls = [f'{name}{cn_year(y, circle)}年度政府信息公开工作年度报告']
    elif style == 'nianbao':
        ls = [f'{ys}年{name}政府信息公开年报']
    else:
        ls = [f'{name}《{ys}年政府信息公开工作年度报告》']
    return ls, style


def pub_date(rng, y):
    m, d = rng.choice([(1, rng.randint(5, 31)), (2, rng.randint(1, 28)), (3, rng.randint(1, 20))])
    return y + 1, m, d


def inline_done(rep):
    return any(f.startswith('heading-inline') for f in rep.features)


class Report:
    """Everything about one generated report: plan, statistics, blocks, defects."""

    def __init__(self, rng, plan):
        self.rng = rng
        self.p = plan
        self.defects = []
        self.features = []
        self.notes = []

    # ------------------------------------------------------------------ helpers
    def me(self):
        return self.rng.choice(self.org['self'])

    def fill(self, s):
        r = self.rng
        return s.format(y=self.y, y0=self.y - 1, y1=self.y + 1, me=self.me(), org=self.org['name'],
                        upper=self.org['upper'], lead=self.org['lead'],
                        office=r.choice(['办公室', '党政办', '政务公开办公室', '综合科']),
                        a=r.randint(80, 3000), b=r.randint(5, 90), c=r.randint(20, 800), d=r.randint(5, 200),
                        e=r.randint(30, 1500), f=r.randint(10, 400), pct=r.randint(2, 35), k1=r.randint(2, 12),
                        k2=r.randint(3, 60), k3=r.randint(1, 30), k4=r.randint(20, 400), k5=r.randint(3, 40),
                        k6=r.randint(0, 30), k7=r.randint(0, 25), fk=r.randint(1, 3), fa=r.choice([100, 200, 300, 480]))

    def heading(self, n, num=None, inline=None, dup=False):
        t = SEC_NUM[(num or n) - 1] + self.H['sep'] + self.sec_titles[n]
        tag = ('dupheading', n) if dup else ('heading', n)
        return B('heading', n=n, text=t, tags=[tag], inline=inline)

    def para(self, sents, tags=()):
        """sents: list of (text, [tags])"""
        return B('para', sents=[(s, list(tg) + list(tags)) for s, tg in sents])

    # ------------------------------------------------------------------ build
    def build(self):
        rng, p = self.rng, self.p
        self.y = p['year']
        self.tpl = tpl = p['template']
        self.org = make_organ(rng, p['level'], low_clear='implausible-value' in p['kinds'])
        kinds = p['kinds']
        self.layout, self.sub = p['layout'], p['sub']
        # -------- statistics and cell defects
        self.T = gen_stats(rng, p['level'], tpl)
        nf = make_numfmt(rng, self.layout)
        if nf['jian']:
            self.features.append('cells-with-unit-jian')
        self.D = make_display(rng, self.T, nf)
        self.missing_tables = set()
        if 'missing-table' in kinds:
            self.mt_table = rng.choice(['active', 'applications', 'reviews'])
            self.missing_tables.add(self.mt_table)
        ms_variant = None
        if 'missing-section' in kinds:
            opts = ['drop5', 'drop5', 'drop1head', 'drop6', 'drop4', 'drop5renum']
            if 'missing-fee-statement' in kinds:
                opts = [o for o in opts if o != 'drop6']
            if self.missing_tables:
                opts = [o for o in opts if o != 'drop4']
            ms_variant = rng.choice(opts)
            if ms_variant == 'drop4':
                self.missing_tables.add('reviews')
        self.ms_variant = ms_variant
        for k in kinds:
            if k in CELL_PLANTERS:
                Tsub = {t: v for t, v in self.T.items() if t not in self.missing_tables}
                ds = CELL_PLANTERS[k](rng, Tsub, self.D, tpl, self.layout, set())
                self.defects += ds
        refresh_display(rng, self.T, self.D, nf)
        # -------- styles
        self.st = make_labelstyle(rng)
        sep = wchoice(rng, [('、', 72), ('.', 7), ('．', 5), (' ', 4), ('、 ', 4), ('、　', 3)])
        md = self.layout == 'markdown'
        deco = wchoice(rng, [('plain', 62), ('bold', 40 if md else 8), ('bracket', 6), ('colon', 9),
                             ('md', 40 if md else 0), ('indent', 8)])
        self.H = {'sep': sep, 'deco': deco}
        self.features += [f'heading-sep:{sep}', f'heading-deco:{deco}']
        self.sec_titles = {n: rng.choice(v) for n, v in SECTION_TITLES.items()}
        for n in (1, 3, 4, 5):
            if self.sec_titles[n] != SECTION_TITLES[n][0]:
                self.features.append(f'heading-variant:{n}')
        if self.sec_titles[2] != SECTION_TITLES[2][0]:
            self.features.append('heading-variant:2')
        self.nm_plan = self.plan_nm() if 'narrative-mismatch' in kinds else None
        self.cnum = rng.random() < 0.15
        if self.cnum:
            self.features.append('chinese-numerals-in-prose')
        blocks = self.build_blocks(kinds)
        return blocks

    def plan_nm(self):
        rng, T = self.rng, self.T

        def ok(t, r, c):
            x = T[t][r][c]
            return isinstance(x, int) and x >= 0
        cands = []
        if ('applications' not in self.missing_tables
                and all(ok('applications', r, 'total')
                        for r in ('new', 'carried_over', 'results_total', 'carried_forward'))
                and ok('applications', 'new', 'natural_person')):
            if T['applications']['new']['total'] > 0:
                cands += [(('apps', ('applications', 'new', 'natural_person')), 6)]
            cands += [(('apps', ('applications', 'new', 'total')), 50),
                      (('apps', ('applications', 'carried_over', 'total')), 6),
                      (('apps', ('applications', 'results_total', 'total')), 6),
                      (('apps', ('applications', 'carried_forward', 'total')), 6)]
        if 'reviews' not in self.missing_tables and all(ok('reviews', g, c) for g in REV_GROUPS for c in REV_COLS):
            cands += [(('reviews', ('reviews', 'review', 'total')), 30)]
        if not cands:
            self.notes.append('narrative-mismatch dropped: no usable cell')
            self.p['kinds'].remove('narrative-mismatch')
            return None
        which, cell = wchoice(rng, cands)
        actual = T[cell[0]][cell[1]][cell[2]]
        zero = actual > 0 and cell[2] == 'total' and cell[1] in ('new', 'review') and rng.random() < 0.25
        if zero and which == 'apps' and T['applications']['carried_over']['total']:
            zero = False
        return {'which': which, 'cell': cell, 'zero': zero}

    def build_blocks(self, kinds):
        rng, y, tpl, org = self.rng, self.y, self.tpl, self.org
        bl = []
        struct_defect = any(k in kinds for k in ('missing-section', 'section-order'))
        # ---------------------------------------------------------------- title
        has_title = 'period-mismatch' in kinds or rng.random() < 0.9
        if self.layout not in ('html',) and rng.random() < 0.06:
            py, pm, pd = pub_date(rng, y)
            bl.append(B('meta', text=f'发布时间：{py}-{pm:02d}-{pd:02d}  信息来源：{org["name"]}  【字体：大 中 小】'))
            self.features.append('page-chrome-top')
        if has_title:
            tl, ts = title_lines(rng, org, y, self.p['encoding'])
            self.title = ''.join(tl)
            self.features.append(f'title:{ts}')
            bl.append(B('title', lines=tl, tags=[('title',)]))
            r = rng.random()
            py, pm, pd = pub_date(rng, y)
            if r < 0.2:
                bl.append(B('meta', text=f'（{py}年{pm}月{pd}日）'))
                self.features.append('date-under-title')
            elif r < 0.32:
                bl.append(B('meta', text=f'发布日期：{py}-{pm:02d}-{pd:02d}　　来源：{org["name"]}'))
                self.features.append('date-under-title')
        else:
            self.title = None
            self.features.append('no-title')
        # ---------------------------------------------------------------- preface
        period_year = y
        if 'period-mismatch' in kinds:
            period_year = y - 1 if rng.random() < 0.8 else y + 1
        want_period = 'period-mismatch' in kinds or rng.random() < 0.6
        if rng.random() < 0.75 or want_period:
            doc = '国办公开办函〔2021〕30号' if tpl == '2021' else '国办公开办函〔2019〕60号'
            basis = rng.choice(['和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作'
                                f'年度报告格式〉的通知》（{doc}）要求', '规定', '和上级有关要求'])
            s = [(f'根据《中华人民共和国政府信息公开条例》（以下简称《条例》）{basis}，'
                  f'现公布{org["name"]}{y}年度政府信息公开工作年度报告。', ['prose'])]
            if rng.random() < 0.5:
                s.append(('本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、'
                          '存在的主要问题及改进情况、其他需要报告的事项等六部分组成。', []))
                self.features.append('preface-lists-parts')
            if want_period:
                s.append((rng.choice(PERIODS).format(p=period_year), [('period',)]))
            if rng.random() < 0.6:
                s.append((f'本报告电子版可在{org["name"]}门户网站（{org["website"]}）查阅或下载。'
                          f'如对本报告有疑问，请与{org["name"]}联系（电话：{org["phone"]}）。', []))
            if rng.random() < 0.35:
                for sent in s:
                    bl.append(self.para([sent]))
            else:
                bl.append(self.para(s))
        # ---------------------------------------------------------------- table of contents (clean feature)
        if not struct_defect and rng.random() < 0.07:
            pages = rng.random() < 0.5
            items = []
            for n in range(1, 7):
                t = SEC_NUM[n - 1] + self.H['sep'] + self.sec_titles[n]
                items.append(t + ('……………………' + str(n + (n > 2)) if pages else ''))
            bl.append(B('toc', items=items))
            self.features.append('toc' + ('-pages' if pages else ''))
        # ---------------------------------------------------------------- sections
        so = rng.choice(['restart', 'restart', 'swap56', 'dup5', 'swap34']) if 'section-order' in kinds else None
        self.so_variant = so
        secs = {n: self.section(n, kinds) for n in range(1, 7)}
        order = [1, 2, 3, 4, 5, 6]
        if so == 'restart':
            self.defects.append({'kind': 'section-order',
                                 'rule_hint': 'a sub-list numbered 一、二、 restarts inside section 1',
                                 'tag': ('restart', 0), 'alt_tags': [('restart', 1)], 'tolerated': []})
        if so:
            if so == 'swap56':
                order = [1, 2, 3, 4, 6, 5]
                self.defects.append({'kind': 'section-order', 'rule_hint': 'sections 5 and 6 swapped',
                                     'tag': ('heading', 5), 'alt_tags': [('heading', 6)],
                                     'tolerated': ['missing-section',
                                                   *(['missing-fee-statement'] if y >= 2021 else [])]})
            elif so == 'swap34':
                order = [1, 2, 4, 3, 5, 6]
                self.defects.append({'kind': 'section-order',
                                     'rule_hint': 'sections 3 and 4 swapped (with their tables)',
                                     'tag': ('heading', 3), 'alt_tags': [('heading', 4)],
                                     'tolerated': ['missing-section']})
            elif so == 'dup5':
                if len(secs[5]) > 2:
                    secs[5] = [*secs[5][:2], self.heading(5, dup=True), *secs[5][2:]]
                else:
                    secs[5] = [*secs[5], self.heading(5, dup=True),
                               self.para([(self.fill(rng.choice(IMPROVES)), ['prose'])])]
                self.defects.append({'kind': 'section-order', 'rule_hint': 'heading of section 5 repeated',
                                     'tag': ('dupheading', 5), 'alt_tags': [('heading', 5)], 'tolerated': []})
        ms = self.ms_variant
        if ms == 'drop5' or ms == 'drop5renum':
            order.remove(5)
            if ms == 'drop5renum':
                secs[6][0] = self.heading(6, num=5)
            self.defects.append({'kind': 'missing-section',
                                 'rule_hint': 'section 5 absent'
                                              + (' (section 6 renumbered 五)' if ms == 'drop5renum' else ''),
                                 'tag': ('heading', 6), 'alt_tags': [('heading', 4)],
                                 'tolerated': ['section-order'] if ms == 'drop5renum' else []})
        elif ms == 'drop6':
            order.remove(6)
            self.defects.append({'kind': 'missing-section', 'rule_hint': 'section 6 absent',
                                 'tag': ('heading', 5), 'alt_tags': [('lastline',)],
                                 'tolerated': ['missing-fee-statement'] if y >= 2021 else []})
        elif ms == 'drop4':
            order.remove(4)
            self.defects.append({'kind': 'missing-section', 'rule_hint': 'section 4 (heading, text and table) absent',
                                 'tag': ('heading', 5), 'alt_tags': [('heading', 3)], 'tolerated': ['missing-table']})
        elif ms == 'drop1head':
            secs[1] = secs[1][1:]
            self.defects.append({'kind': 'missing-section',
                                 'rule_hint': 'heading of section 1 absent (its text follows the preface)',
                                 'tag': ('sec1body',), 'alt_tags': [('heading', 2), ('title',)], 'tolerated': []})
        for n in order:
            bl += secs[n]
        # ---------------------------------------------------------------- signature
        if rng.random() < 0.45:
            py, pm, pd = pub_date(rng, y)
            bl.append(B('sign', lines=[org['name'], f'{py}年{pm}月{pd}日']))
        if self.layout not in ('html',) and rng.random() < 0.06:
            bl.append(B('meta', text=f'【打印本页】【关闭窗口】  浏览次数：{rng.randint(30, 5000)}'))
            self.features.append('page-chrome-bottom')
        # ---------------------------------------------------------------- defects that point at blocks
        if 'period-mismatch' in kinds:
            self.defects.append({'kind': 'period-mismatch',
                                 'rule_hint': f'statistics period {period_year}, title year {y}',
                                 'tag': ('period',), 'alt_tags': [('title',)]})
        if 'outdated-template' in kinds:
            first = [t for t in ('active', 'applications', 'reviews') if t not in self.missing_tables]
            self.defects.append({'kind': 'outdated-template', 'rule_hint': f'{y} report with the 2019 tables',
                                 'tag': ('tstart', first[0]),
                                 'alt_tags': [*(('tstart', t) for t in first[1:]), ('heading', 2), ('title',)]})
        return bl

    # ------------------------------------------------------------------ sections
    def section(self, n, kinds):
        return getattr(self, f'sec{n}')(kinds)

    def sub_label(self, i):
        s = self.substyle
        if s == 'paren':
            return f'（{SEC_NUM[i]}）'
        if s == 'half':
            return f'({SEC_NUM[i]})'
        if s == 'arabic':
            return '%s.' % (i + 1)
        return SEC_NUM[i] + self.H['sep']   # 'restart': a sub-list that reuses the section numerals

    def sec1(self, kinds):
        rng = self.rng
        out = []
        inline = None
        first = self.fill(rng.choice(OPENINGS))
        if rng.random() < 0.035 and 'missing-section' not in kinds and 'section-order' not in kinds:
            inline = first
            self.features.append('heading-inline:1')
        out.append(self.heading(1, inline=inline))
        if inline is None:
            out.append(self.para([(first, ['prose', ('sec1body',)])]))
        self.substyle = wchoice(rng, [('paren', 70), ('half', 15), ('arabic', 15)])
        restart = self.so_variant == 'restart'
        if restart:
            self.substyle = 'restart'
        topics = ['org', 'active', 'apply', 'manage', 'platform', 'supervise', 'interpret']
        chosen = ['active', *rng.sample([t for t in topics if t != 'active'], rng.randint(2, 4))]
        chosen.sort(key=topics.index)
        self.apps_in_sec1 = 'apply' in chosen and rng.random() < 0.6
        sub_inline = rng.random() < 0.5 and not restart
        if restart and rng.random() < 0.5:
            chosen[0] = 'basic'
        restart_heads = ['经验做法', '主要措施', '工作成效', '特色亮点', '工作开展情况']
        rng.shuffle(restart_heads)
        for i, tp in enumerate(chosen):
            if restart and tp != 'basic':
                heads, bodies = SUBITEMS[tp]
                sents = [(self.fill(b), ['prose']) for b in rng.sample(bodies, min(len(bodies), rng.randint(1, 2)))]
                if tp == 'apply' and self.apps_in_sec1:
                    sents = self.narr_apps() + sents
                out.append(B('sub', text=self.sub_label(i) + restart_heads.pop(), tags=[('restart', i)]))
                out.append(self.para(sents))
                continue
            if tp == 'basic':  # as in seed report 004: 一、XX街道政务公开工作基本情况
                out.append(B('sub', text=self.sub_label(i) + self.org['short'] + '政务公开工作基本情况',
                             tags=[('restart', i)]))
                out.append(self.para([(self.fill(rng.choice(SUBITEMS['org'][1])), ['prose'])]))
                continue
            heads, bodies = SUBITEMS[tp]
            h = rng.choice(heads)
            sents = [(self.fill(b), ['prose']) for b in rng.sample(bodies, min(len(bodies), rng.randint(1, 2)))]
            if tp == 'apply' and self.apps_in_sec1:
                sents = self.narr_apps() + sents
            if tp == 'active' and rng.random() < 0.4 and 'active' not in self.missing_tables:
                narr = Narr(rng, self.T, self.me(), self.y, self.cnum)
                sents += [(s, [('narr', 'act')]) for s, _ in narr.active(self.tpl)]
            lab = self.sub_label(i)
            if sub_inline:
                s0, t0 = sents[0]
                out.append(self.para([(f'{lab}{h}。{s0}', [*t0, ('sub', i)]), *sents[1:]]))
            else:
                out.append(B('sub', text=lab + h, tags=[('restart', i) if restart else ('sub', i)]))
                out.append(self.para(sents))
        if not any(tg == ('sec1body',) for b in out if b['t'] == 'para' for s, tgs in b['sents'] for tg in tgs):
            b = out[1] if len(out) > 1 else out[0]
            if b['t'] == 'para':
                s, tg = b['sents'][0]
                b['sents'][0] = (s, [*tg, ('sec1body',)])
            else:
                b.setdefault('tags', []).append(('sec1body',))
        return out

    def table_blocks(self, name, sec):
        rng = self.rng
        out = []
        if name in self.missing_tables:
            if self.ms_variant == 'drop4' and name == 'reviews':
                return out
            v = rng.choice(['gone', 'gone', 'placeholder', 'image' if self.layout == 'html' else 'placeholder', 'lead'])
            self.features.append(f'missing-table:{name}:{v}')
            if v == 'placeholder':
                out.append(self.para([(rng.choice(['（表格略）', '详见附件。', '[图片]', '附表：{}（见附件）'.format({
                    'active': '主动公开政府信息情况统计表', 'applications': '收到和处理政府信息公开申请情况统计表',
                    'reviews': '政府信息公开行政复议、行政诉讼情况统计表'}[name])]), [('mtplace',)])]))
            elif v == 'image':
                img = f'/upload/{self.y + 1}/{rng.randint(0, 999999):06d}.png'
                out.append(B('raw', text=f'<p style="text-align:center"><img src="{img}" width="600" /></p>',
                             tags=[('mtplace',)]))
            elif v == 'lead':
                lead = rng.choice(['具体情况见下表：', '详见下表。', '统计情况如下：'])
                out.append(self.para([(lead, [('mtplace',)])]))
            self.defects.append({'kind': 'missing-table', 'rule_hint': f'table {name} absent ({v})',
                                 'tag': ('heading', sec), 'alt_tags': [('mtplace',)], 'table': name})
            return out
        cap = rng.random()
        num = {'active': 1, 'applications': 2, 'reviews': 3}[name]
        capt = {'active': '主动公开政府信息情况', 'applications': '收到和处理政府信息公开申请情况',
                'reviews': '政府信息公开行政复议、行政诉讼情况'}[name]
        if cap < 0.2:
            out.append(B('caption', text=f'表{num} {capt}'))
            self.features.append('table-caption')
        elif cap < 0.3:
            out.append(B('caption', text=f'{capt}统计表'))
            self.features.append('table-caption')
        if rng.random() < 0.12:
            out.append(B('caption', text='单位：件'))
            self.features.append('unit-line')
        out.append(B('table', name=name))
        if rng.random() < 0.12:
            if name == 'active':
                if self.tpl == '2021':
                    note = '注：“本年收费金额”单位为万元，保留两位小数。'
                else:
                    note = '注：“采购总金额”单位为元。'
            elif name == 'applications':
                note = rng.choice([f'注：表中数据统计截至{self.y}年12月31日。',
                                   '注：同一申请人提出多项申请的，按申请件数统计。'])
            else:
                note = '注：本表统计因政府信息公开工作被申请行政复议、提起行政诉讼的情况。'
            out.append(B('note', text=note))
            self.features.append('note-under-table')
        return out

    def sec2(self, kinds):
        out = [self.heading(2)]
        if self.rng.random() < 0.3:
            out.append(self.para([(self.fill('{y}年，{me}主动公开政府信息情况如下：'), ['prose'])]))
        return out + self.table_blocks('active', 2)

    def narr_apps(self):
        """Narrative sentences about applications; plants a narrative-mismatch when planned."""
        n = Narr(self.rng, self.T, self.me(), self.y, self.cnum)
        sents = n.apps()
        return self._maybe_mismatch(sents, 'apps',
                                    lambda T2: Narr(self.rng, T2, self.me(), self.y, self.cnum).apps())

    def narr_reviews(self):
        n = Narr(self.rng, self.T, self.me(), self.y, self.cnum)
        sents = n.reviews()
        return self._maybe_mismatch(sents, 'reviews',
                                    lambda T2: Narr(self.rng, T2, self.me(), self.y, self.cnum).reviews())

    def _maybe_mismatch(self, sents, which, regen):
        out = []
        plan = self.nm_plan
        if plan and plan['which'] == which and not plan.get('done'):
            t, r, c = plan['cell']
            actual = self.T[t][r][c]
            for _ in range(40):
                if plan['zero']:
                    if which == 'apps':
                        none = self.rng.choice(['本年度{me}未收到政府信息公开申请。', '全年未收到政府信息公开申请。'])
                        cand = [(none.format(me=self.me()), [(t, r, c, 0)])]
                    else:
                        none = self.rng.choice(['本年度{me}未发生因政府信息公开引起的行政复议、行政诉讼案件。',
                                                '全年未发生政府信息公开行政复议案件。'])
                        cand = [(none.format(me=self.me()), [(t, r, c, 0)])]
                    stated = 0
                else:
                    stated = plan.setdefault('stated', falsify(self.rng, actual))
                    T2 = json.loads(json.dumps(self.T))
                    T2[t][r][c] = stated
                    cand = regen(T2)
                if any((rt, rr, rc) == (t, r, c) and sv == stated for s, refs in cand for rt, rr, rc, sv in refs):
                    sents = cand
                    plan['done'] = True
                    self.defects.append({'kind': 'narrative-mismatch', 'table': t, 'row': r, 'column': c,
                                         'stated': stated, 'actual': actual,
                                         'rule_hint': f'text says {stated} for {t}.{r}.{c}, table has {actual}',
                                         'tag': ('narr', 'nm'), 'alt_tags': [('row', t, r)]})
                    break
        for s, refs in sents:
            tags = [('narr', which)]
            if (plan and plan.get('done') and any((rt, rr, rc) == plan['cell'] for rt, rr, rc, _ in refs)
                    and not plan.get('tagged')):
                tags.append(('narr', 'nm'))
                plan['tagged'] = True
            out.append((s, tags))
        return out

    def sec3(self, kinds):
        rng = self.rng
        out = [self.heading(3)]
        narr = []
        if not self.apps_in_sec1 or rng.random() < 0.3:
            narr = self.narr_apps()
        return out + self.narrative_and_table(narr, self.table_blocks('applications', 3), 0.75)

    def narrative_and_table(self, narr, tb, p_before):
        """The section's narrative paragraph before its table (probability p_before) or after."""
        if narr and self.rng.random() < p_before:
            return [self.para(narr), *tb]
        return tb + ([self.para(narr)] if narr else [])

    def sec4(self, kinds):
        rng = self.rng
        out = [self.heading(4)]
        narr_planned = (self.nm_plan or {}).get('which') == 'reviews'
        narr = self.narr_reviews() if rng.random() < 0.6 or narr_planned else []
        return out + self.narrative_and_table(narr, self.table_blocks('reviews', 4), 0.7)

    def sec5(self, kinds):
        rng = self.rng
        inline = None
        p1 = self.fill(rng.choice(PROBLEMS))
        if (rng.random() < 0.03 and 'missing-section' not in kinds and 'section-order' not in kinds
                and not inline_done(self)):
            inline = p1
            self.features.append('heading-inline:5')
        out = [self.heading(5, inline=inline)]
        sub = rng.random() < 0.4
        if self.substyle == 'restart':
            self.substyle = 'paren'
        if sub:
            out.append(B('sub', text=self.sub_label(0) + '存在的主要问题', tags=[]))
        if inline is None:
            out.append(self.para([(p1, ['prose'])]))
        if sub:
            out.append(B('sub', text=self.sub_label(1) + '改进情况', tags=[]))
        out.append(self.para([(self.fill(rng.choice(IMPROVES)), ['prose'])]))
        if self.tpl == '2021' and rng.random() < 0.3:
            out.append(self.para([(self.fill(rng.choice(LAST_YEAR_FIX)), ['prose'])]))
        return out

    def sec6(self, kinds):
        rng = self.rng
        out = [self.heading(6)]
        if self.y >= 2021:
            if 'missing-fee-statement' in kinds:
                body = [self.fill(rng.choice(NO_FEE_SEC6))]
                self.defects.append({'kind': 'missing-fee-statement',
                                     'rule_hint': f'section 6 says nothing of 信息处理费: {body[0]!r}',
                                     'tag': ('heading', 6), 'alt_tags': [('sec6body',)]})
            else:
                body = [self.fill(rng.choice(FEE_OK))]
                if rng.random() < 0.4:
                    body.append(self.fill(rng.choice(OTHER_MATTERS[:2])))
                    if rng.random() < 0.5:
                        body.reverse()
        else:
            body = [self.fill(rng.choice(SEC6_2019))]
        if rng.random() < 0.3 and len(body) > 1:
            for b in body:
                out.append(self.para([(b, [('sec6body',)])]))
        else:
            out.append(self.para([(b, [('sec6body',)]) for b in body]))
        return out


# =====================================================================================
# formatters: blocks -> [(line, tags)]
# =====================================================================================
PAGE_MARKERS = ['- {n} -', '— {n} —', '第 {n} 页 共 {m} 页', '第{n}页', '—{n}—', '- {n} -', '— {n} —',
                '第 {n} 页 共 {m} 页', '{n}']


def wrap_para(text, tags_by_span, width, first_indent):
    """Wrap a paragraph (pdf); tags_by_span: [(start, end, tags)]; returns [(line, tags)]."""
    out = []
    pos = 0
    pieces = wrap_w(text, width * 2)
    for i, p in enumerate(pieces):
        st, en = pos, pos + len(p)
        tg = []
        for a, b, tags in tags_by_span:
            if a < en and b > st:
                tg += [t for t in tags if t not in tg]
        out.append(((first_indent if i == 0 else '') + p, tg))
        pos = en
    return out


class Formatter:
    def __init__(self, rep, rng):
        self.r = rep
        self.rng = rng
        self.layout = rep.layout
        lay = self.layout
        self.indent = rng.choice(['', '', '　　', '    ']) if lay != 'pdf' else rng.choice(['　　', '    ', ''])
        self.blank = lay in ('cells', 'markdown') or rng.random() < 0.35
        self.pdfw = rng.choice([30, 34, 38, 40])
        self.pdf = {'page': 1, 'pages': rng.randint(5, 12), 'marker': rng.choice(PAGE_MARKERS),
                    'formfeed': lay == 'pdf' and rng.random() < 0.3,
                    'running': rng.choice([None, None, rep.org['name']]) if lay == 'pdf' else None,
                    'breaks_in_tables': lay == 'pdf' and rng.random() < 0.7,
                    'repeat_header': rng.random() < 0.5}
        if lay == 'pdf':
            rep.features.append('pdf-marker:{}'.format(self.pdf['marker']))
            if self.pdf['formfeed']:
                rep.features.append('formfeed')
            if self.pdf['breaks_in_tables']:
                rep.features.append('page-break-in-table' + ('+repeated-header' if self.pdf['repeat_header'] else ''))
        self.deco = rng.choice(['plain', 'p', 'pspan', 'word'])
        if lay == 'html':
            rep.features.append(f'html-cells:{self.deco}')
        self.since_mark = 0
        self.next_mark = rng.randint(28, 48)

    # ---------------------------------------------------------------- text
    def head_text(self, b):
        t = b['text']
        d = self.r.H['deco']
        if d == 'bold':
            t = f'**{t}**'
        elif d == 'bracket':
            t = f'【{t}】'
        elif d == 'colon':
            t = t + '：'
        elif d == 'md':
            t = self.rng.choice(['## ', '### ']) + t
        elif d == 'indent':
            t = '　　' + t
        return t

    def text(self, blocks):
        out = []
        rng = self.rng
        lay = self.layout

        def emit(line, tags=()):
            out.append((line, list(tags)))
            self.since_mark += 1

        def gap():
            if self.blank and out and out[-1][0] != '':
                emit('')

        def maybe_page():
            if lay == 'pdf' and self.since_mark >= self.next_mark:
                self.pdf['page'] += 1
                mk = self.pdf['marker'].format(n=self.pdf['page'], m=self.pdf['pages'])
                if self.pdf['formfeed']:
                    mk = '\f' + mk
                emit(mk, [('pagemark',)])
                if self.pdf['running']:
                    emit(self.pdf['running'])
                self.since_mark = 0
                self.next_mark = rng.randint(28, 48)

        for b in blocks:
            t = b['t']
            if t == 'title':
                gap()
                pre = ' ' * rng.choice([0, 0, 8, 16]) if lay in ('spaces', 'pdf') else ''
                for i, line in enumerate(b['lines']):
                    emit(pre + line, b['tags'])
                    if lay == 'cells' and i < len(b['lines']) - 1:
                        emit('')
            elif t == 'meta':
                emit(b['text'])
            elif t in ('caption', 'note', 'sub'):
                gap()
                caption_pad = t == 'caption' and lay in ('spaces', 'pdf')
                pre = self.indent if t == 'sub' else (' ' * 10 if caption_pad else '')
                emit(pre + b['text'], b.get('tags', []))
            elif t == 'heading':
                gap()
                maybe_page()
                h = self.head_text(b)
                if b.get('inline'):
                    h = b['text']
                    sep = rng.choice(['。', '：', '　'])
                    emit(h + sep + b['inline'], [*b['tags'], 'prose', *([('sec1body',)] if b['n'] == 1 else [])])
                else:
                    emit(h, b['tags'])
            elif t == 'para':
                gap()
                maybe_page()
                if lay == 'pdf':
                    text, spans = '', []
                    for s, tg in b['sents']:
                        spans.append((len(text), len(text) + len(s), tg))
                        text += s
                    for line, tg in wrap_para(text, spans, self.pdfw, self.indent):
                        emit(line, tg)
                        maybe_page()
                else:
                    tags = []
                    for _, tg in b['sents']:
                        tags += [x for x in tg if x not in tags]
                    emit(self.indent + ''.join(s for s, _ in b['sents']), tags)
            elif t == 'toc':
                gap()
                emit(rng.choice(['目录', '目  录', '【目录】']))
                for it in b['items']:
                    emit(it, [('toc',)])
            elif t == 'table':
                gap()
                lines = render_table(lay, self.r.sub, b['name'], self.r.tpl, self.r.D, self.r.st, rng, self.pdf)
                for i, (line, tg) in enumerate(lines):
                    tags = [*tg, ('tline', b['name'])]
                    if i == 0:
                        tags.append(('tstart', b['name']))
                    emit(line, tags)
                self.since_mark = 0
                if lay not in ('markdown',) and rng.random() < 0.5:
                    emit('')
            elif t == 'sign':
                gap()
                pad = ' ' * rng.choice([0, 20, 40]) if lay != 'markdown' else ''
                for line in b['lines']:
                    emit(pad + line)
            elif t == 'raw':
                emit(b['text'], b.get('tags', []))
        while out and out[-1][0] == '':
            out.pop()
        return out

    # ---------------------------------------------------------------- html
    def html(self, blocks, charset, title):
        rng = self.rng
        out = []

        def emit(line, tags=()):
            out.append((line, list(tags)))

        site = rng.choice(['政府门户网站', '人民政府网', '政务公开专栏'])
        emit('<!DOCTYPE html>' if rng.random() < 0.7 else
             '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"'
             ' "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">')
        emit('<html{}>'.format(rng.choice(['', ' lang="zh-CN"', ' xmlns="http://www.w3.org/1999/xhtml"'])))
        emit('<head>')
        if charset.startswith('utf'):
            emit('<meta charset="utf-8">' if rng.random() < 0.6 else
                 '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />')
        else:
            emit(f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />')
        emit('<meta name="viewport" content="width=device-width, initial-scale=1.0">')
        emit('<title>{}_{}</title>'.format(title or '政府信息公开工作年度报告', site))
        emit(f'<meta name="ArticleTitle" content="{title or ""}">')
        emit('<link rel="stylesheet" href="/css/common.css" type="text/css">')
        emit('<style type="text/css">')
        for rule in ['body{font-family:"Microsoft YaHei",宋体;margin:0}', '.main{width:1200px;margin:0 auto}',
                     '.content p{line-height:2em;font-size:16px}', 'table{border-collapse:collapse}',
                     'td{border:1px solid #333}']:
            emit('  ' + rule)
        emit('</style>')
        if rng.random() < 0.5:
            emit('<script type="text/javascript">var _hmt = _hmt || [];</script>')
        emit('</head>')
        emit('<body>')
        emit(f'<div class="top"><div class="logo"><img src="/images/logo.png" alt="{site}"></div></div>')
        emit('<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; '
             '<a href="/zwgk/nb/">政府信息公开年报</a></div>')
        emit('<div class="main">')
        emit('<div class="article">')
        content_open = False
        br_heading = rng.random() < 0.06
        if br_heading:
            self.r.features.append('html-heading-br-text')
        pending_head = None
        for b in blocks:
            t = b['t']
            if t == 'title':
                cls = rng.choice(['<h1 class="title">%s</h1>', '<div class="article-title">%s</div>',
                                  '<h2 style="text-align:center">%s</h2>'])
                emit(cls % '<br/>'.join(b['lines']), b['tags'])
                continue
            if t == 'meta':
                emit('<div class="info">{}</div>'.format(b['text'].replace('　', '&nbsp;&nbsp;')))
                continue
            if not content_open:
                emit(rng.choice(['<div class="content TRS_Editor">', '<div id="zoom" class="content">',
                                 '<div class="view TRS_UEDITOR trs_paper_default">']))
                content_open = True
            if t == 'heading':
                txt = b['text']
                if b.get('inline'):
                    emit('<p style="text-indent:2em">{}{}{}</p>'.format(txt, rng.choice(['。', '：']), b['inline']),
                         b['tags'] + ['prose'] + ([('sec1body',)] if b['n'] == 1 else []))
                    continue
                form = rng.choice(['<p style="text-indent:2em"><strong>%s</strong></p>', '<h3>%s</h3>',
                                   '<p class="MsoNormal" style="text-indent:32pt"><b><span style="font-family:黑体">'
                                   '%s</span></b></p>',
                                   '<p><span style="font-family:黑体;font-size:16pt">%s</span></p>',
                                   '<div style="font-weight:bold">%s</div>'])
                if br_heading and rng.random() < 0.5:
                    pending_head = (txt, b['tags'])
                    continue
                emit(form % txt, b['tags'])
            elif t == 'para':
                txt = ''.join(s for s, _ in b['sents'])
                tags = []
                for _, tg in b['sents']:
                    tags += [x for x in tg if x not in tags]
                if self.deco == 'pspan':
                    txt = f'<span style="font-family:仿宋_GB2312;font-size:16pt">{txt}</span>'
                if rng.random() < 0.2:
                    txt = '&nbsp;&nbsp;&nbsp;&nbsp;' + txt
                if pending_head:
                    emit(f'<p><strong>{pending_head[0]}</strong><br/>{txt}</p>', pending_head[1] + tags)
                    pending_head = None
                else:
                    emit(f'<p style="text-indent:2em">{txt}</p>', tags)
            elif t == 'sub':
                if pending_head:
                    emit(f'<p><strong>{pending_head[0]}</strong></p>', pending_head[1])
                    pending_head = None
                form = rng.choice(['<p style="text-indent:2em"><strong>%s</strong></p>',
                                   '<p style="text-indent:2em">%s</p>'])
                emit(form % b['text'], b.get('tags', []))
            elif t in ('caption', 'note'):
                if pending_head:
                    emit(f'<p><strong>{pending_head[0]}</strong></p>', pending_head[1])
                    pending_head = None
                form = '<p style="text-align:center"><strong>%s</strong></p>' if t == 'caption' else '<p>%s</p>'
                emit(form % b['text'])
            elif t == 'toc':
                emit('<p style="text-align:center"><strong>目录</strong></p>')
                for it in b['items']:
                    emit(f'<p>{it}</p>', [('toc',)])
            elif t == 'table':
                if pending_head:
                    emit(f'<p><strong>{pending_head[0]}</strong></p>', pending_head[1])
                    pending_head = None
                lines = render_table('html', self.r.sub, b['name'], self.r.tpl, self.r.D, self.r.st, rng, self.pdf,
                                     self.deco)
                wrapdiv = rng.random() < 0.4
                if wrapdiv:
                    emit('<div class="table-wrap"><div style="overflow-x:auto">')
                for i, (line, tg) in enumerate(lines):
                    tags = [*tg, ('tline', b['name'])]
                    if i == 0:
                        tags.append(('tstart', b['name']))
                    emit(line, tags)
                if wrapdiv:
                    emit('</div></div>')
            elif t == 'sign':
                for line in b['lines']:
                    emit(f'<p style="text-align:right">{line}</p>')
            elif t == 'raw':
                emit(b['text'], b.get('tags', []))
        if pending_head:
            emit(f'<p><strong>{pending_head[0]}</strong></p>', pending_head[1])
        if content_open:
            emit('</div>')
        emit('</div>')
        emit('</div>')
        emit('<div class="footer"><p>主办单位：{}&nbsp;&nbsp;网站标识码：{}</p><p>ICP备案号：{} ICP备{:08d}号</p>'
             '</div>'.format(
            self.r.org['name'], rng.randint(10 ** 9, 10 ** 10 - 1), rng.choice(['粤', '浙', '苏', '鲁', '豫', '湘']),
            rng.randint(0, 10 ** 8 - 1)))
        emit('</body>')
        emit('</html>')
        return out


# =====================================================================================
# files that are not annual reports
# =====================================================================================
class NonReport:
    def __init__(self, rng, plan):
        self.rng, self.p = rng, plan
        self.layout, self.sub = 'none', None
        self.org = make_organ(rng, plan['level'])
        self.H = {'deco': 'plain', 'sep': '、'}
        self.features, self.notes, self.defects = [], [], []
        self.tpl, self.D, self.st = '2021', {}, make_labelstyle(rng)
        self.y = plan['year']

    def build(self):
        rng, y, org = self.rng, self.y, self.org
        kind = self.p['nr_kind']
        self.features.append(f'non-report:{kind}')
        self.defects.append({'kind': 'not-a-report', 'rule_hint': f'a {kind}, not an annual report', 'line': 1,
                             'alt_lines': []})
        me = rng.choice(org['self'])
        short = org['short']

        def P(s):
            return B('para', sents=[(s, ['prose'])])

        def S(s):
            return B('sub', text=s, tags=[])

        bl = []
        name = org['name']
        if kind == 'selfcheck':
            self.title = f'{short}{y}年度政务公开工作自查报告'
            for i in range(1, rng.randint(3, 5)):
                bl.append(B('raw', text=f'{self.title}_第{i}页'))
            for s in ['全文预览已结束', '', '下载本文档', '',
                      '版权说明：本文档由用户提供并上传，收益归属内容提供方，若内容存在侵权，请进行举报或认领', '',
                      '文档简介', '']:
                bl.append(B('raw', text=s))
            page1 = (f'1、{self.title} 依据县人民政府办公室关于开展{y}年度政务公开考核工作的通知要求，'
                     f'{me}认真组织开展政务公开工作自检自查。现将自查情况报告如下： 一、指标自查情况 '
                     f'（一）政府信息与政务公开 {y}年，{short}认真贯彻落实'
                     '《中华人民共和国政府信息公开条例》，及时公开机构职能、领导分工等信息。')
            bl.append(B('raw', text=page1, tags=['prose']))
            bl.append(B('raw', text=''))
            page2 = (f'2、（二）依申请公开 {y}年，{me}共收到政府信息公开申请{rng.randint(0, 5)}件，'
                     f'均已按时答复。 （三）公开平台 全年公开信息{rng.randint(40, 300)}条，'
                     f'其中工作动态{rng.randint(10, 80)}条。 二、存在问题 信息公开面向社会宣传力度不够，'
                     '公开渠道较少。 三、下一步改进措施 进一步丰富公开内容，拓宽公开渠道。')
            bl.append(B('raw', text=page2, tags=['prose']))
            for s in ['', '温馨提示', '', '  • 1. 本站所有资源如无特殊说明，都需要本地电脑安装OFFICE2007和PDF阅读器。',
                      '  • 2. 本站的文档不包含任何第三方提供的附件图纸等，如果需要附件，请联系上传者。', '', '评论', '',
                      '0/150', '', '提交评论']:
                bl.append(B('raw', text=s))
        elif kind == 'guide':
            self.title = f'{name}政府信息公开指南'
            bl.append(B('title', lines=[self.title], tags=[]))
            bl.append(P('为便于公民、法人和其他组织依法获取政府信息，根据《中华人民共和国政府信息公开条例》，'
                        f'结合{me}实际，编制本指南。'))
            for h, ps in [('一、主动公开', [
                              '（一）公开范围', f'{me}主动公开机构职能、规范性文件、规划计划、财政预决算等政府信息。',
                              '（二）公开方式',
                              f'主要通过{name}门户网站（{org["website"]}）公开，同时通过政务新媒体、公开栏等方式公开。',
                              '（三）公开时限',
                              '属于主动公开范围的政府信息，自形成或者变更之日起20个工作日内予以公开。']),
                          ('二、依申请公开', [
                              '（一）受理机构',
                              f'受理机构：{name}办公室；联系电话：{org["phone"]}；'
                              '办公时间：工作日上午9:00-12:00，下午14:00-17:30。',
                              '（二）申请方式', '申请人可以通过当面提交、信函、网络平台等方式提出申请。',
                              '（三）办理时限',
                              '能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复。']),
                          ('三、收费标准', [
                              '行政机关依申请提供政府信息，不收取费用。但申请人申请公开政府信息的数量、'
                              '频次明显超过合理范围的，行政机关可以收取信息处理费。']),
                          ('四、监督和救济', [
                              '公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，'
                              '可以依法申请行政复议或者提起行政诉讼。'])]:
                bl.append(S(h))
                for x in ps:
                    bl.append(S(x) if x.startswith('（') and len(x) < 10 else P(x))
        elif kind == 'news':
            self.title = f'{short}召开{y}年政务公开工作推进会'
            bl.append(B('title', lines=[self.title], tags=[]))
            bl.append(B('meta', text=f'发布时间：{y}-{rng.randint(3, 11):02d}-{rng.randint(1, 28):02d}　来源：{name}'))
            bl.append(P(f'{rng.randint(3, 11)}月{rng.randint(1, 28)}日，{short}召开{y}年政务公开工作推进会，'
                        f'总结{y - 1}年度政府信息公开工作，部署下一阶段重点任务。'))
            bl.append(P(f'会议通报了{y - 1}年度政府信息公开工作年度报告编制发布情况，'
                        '指出部分单位年度报告存在数据不准确、格式不规范等问题，要求限期整改。'))
            bl.append(P('会议强调，要坚持以公开为常态、不公开为例外，进一步加强重点领域信息公开，规范依申请公开办理，'
                        '切实提升政务公开质量。'))
        elif kind == 'plan':
            self.title = f'{name}{y}年政务公开工作要点'
            bl.append(B('title', lines=[self.title], tags=[]))
            for h, ps in [('一、总体要求', ['坚持以人民为中心的发展思想，全面落实《中华人民共和国政府信息公开条例》，'
                                        '持续推进政务公开标准化规范化。']),
                          ('二、重点任务', ['（一）深化重点领域信息公开。围绕财政预决算、重大项目、公共资源配置等领域，'
                                        '及时准确公开信息。',
                                        '（二）加强政策解读。坚持政策文件与解读材料同步起草、同步审签、同步发布。',
                                        '（三）规范依申请公开。严格按照法定时限答复，'
                                        f'按要求编制发布{y}年度政府信息公开工作年度报告。']),
                          ('三、保障措施', ['各单位要明确专人负责，加强督促检查，确保各项任务落到实处。'])]:
                bl.append(S(h))
                for x in ps:
                    bl.append(P(x))
        elif kind == 'summary':
            self.title = f'{name}{y}年工作总结及{y + 1}年工作计划'
            bl.append(B('title', lines=[self.title], tags=[]))
            for h, ps in [(f'一、{y}年工作开展情况', [
                              f'{y}年，{me}紧紧围绕年度目标任务，统筹推进各项工作，经济社会保持平稳健康发展。',
                              f'（一）抓好项目建设。全年实施重点项目{rng.randint(5, 40)}个，'
                              f'完成投资{rng.randint(1000, 90000)}万元。',
                              f'（二）推进政务公开。全年主动公开政府信息{rng.randint(50, 900)}条，'
                              '按时编制发布政府信息公开工作年度报告。']),
                          ('二、存在的主要问题', ['发展不平衡不充分的问题依然存在，部分工作与群众期盼还有差距。']),
                          (f'三、{y + 1}年工作计划', ['坚持稳中求进工作总基调，扎实做好各项工作。'])]:
                bl.append(S(h))
                for x in ps:
                    bl.append(P(x))
        elif kind == 'listpage':
            self.title = '政府信息公开年报'
            bl.append(B('title', lines=[self.title], tags=[]))
            for _ in range(rng.randint(8, 18)):
                o = make_organ(rng, rng.choice(['township', 'county_dept', 'county_dept', 'street']))
                yy = rng.randint(2019, 2024)
                bl.append(B('raw', text='{}{}年政府信息公开工作年度报告　　{}-{:02d}-{:02d}'.format(
                    o['name'], yy, yy + 1, rng.randint(1, 3), rng.randint(1, 28))))
            bl.append(B('raw', text=f'共{rng.randint(2, 9)}页 首页 上一页 1 2 3 下一页 尾页'))
        elif kind == 'notice':
            self.title = f'关于做好{y}年度政府信息公开工作年度报告编制发布工作的通知'
            bl.append(B('title', lines=[self.title], tags=[]))
            bl.append(P('各乡镇人民政府、街道办事处，县政府各部门：'))
            bl.append(P(f'根据《中华人民共和国政府信息公开条例》规定，现就做好{y}年度政府信息公开工作年度报告编制发布工作'
                        '通知如下。'))
            bl.append(S('一、编制要求'))
            bl.append(P('年度报告应当包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、'
                        '政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等内容，'
                        '统计表格严格按照国办公开办函〔2021〕30号规定的格式填写。'))
            bl.append(S('二、发布时限'))
            bl.append(P(f'各单位须于{y + 1}年1月31日前在本单位政府信息公开专栏发布年度报告。'))
            bl.append(S('三、工作要求'))
            bl.append(P('各单位要认真核对统计数据，确保表格数据与正文表述一致，“本列数据的勾稽关系”等须准确无误。'))
            bl.append(B('sign', lines=[f'{short[:3]}人民政府办公室', f'{y}年12月{rng.randint(1, 28)}日']))
        else:  # form
            self.title = '政府信息公开申请表'
            bl.append(B('title', lines=[self.title], tags=[]))
            for line in ['申请人信息 | 公民 | 姓名 |  | 证件名称 |  |', ' |  | 工作单位 |  | 证件号码 |  |',
                         ' |  | 联系电话 |  | 邮政编码 |  |', ' | 法人或者其他组织 | 名称 |  | 统一社会信用代码 |  |',
                         ' |  | 法定代表人 |  | 联系人 |  |',
                         '所需信息情况 | 所需政府信息的名称、文号或者内容描述 |  |',
                         ' | 获取信息的方式 | □邮寄 □电子邮件 □自行领取 |',
                         '申请人签名（盖章）： |  | 申请时间： | 年 月 日 |']:
                bl.append(B('raw', text=line))
            bl.append(P(f'注：本表可复制使用。受理机构：{name}办公室，联系电话：{org["phone"]}。'))
        return bl


# =====================================================================================
# encodings and bytes
# =====================================================================================
SUBST = {'•': '·', '〇': '○', '　': '  ', '–': '-', '“': '「', '”': '」', '‘': '『', '’': '』'}


def sanitize(s, enc):
    if enc not in ('gbk', 'big5'):
        return s
    out = []
    for ch in s:
        try:
            ch.encode(enc)
            out.append(ch)
        except UnicodeEncodeError:
            rep = SUBST.get(ch, '?')
            try:
                rep.encode(enc)
            except UnicodeEncodeError:
                rep = '?'
            out.append(rep)
    return ''.join(out)


def codec_of(enc, bo):
    if enc == 'utf-16':
        return 'utf-16-le' if bo == 'le' else 'utf-16-be'
    if enc == 'utf-8-sig':
        return 'utf-8'
    return enc


def corrupt(rng, line_bytes, text, enc, bo):
    """Return damaged bytes for one line and a description."""
    codec = codec_of(enc, bo)
    if not text:
        return line_bytes, 'none'
    pos = rng.randint(len(text) // 4, max(len(text) // 4, 3 * len(text) // 4))
    head = text[:pos].encode(codec)
    tail = text[pos:].encode(codec)
    if codec == 'utf-8':
        if rng.random() < 0.5:
            m = text[pos:pos + 1].encode('utf-8')
            if len(m) > 1:
                return head + m[:-1] + text[pos + 1:].encode('utf-8'), 'utf-8 character cut short'
        mid = text[pos:pos + rng.randint(6, 20)]
        if sum(1 for ch in mid if ord(ch) > 0x2e80) >= 2:
            try:
                return (head + mid.encode('gb18030') + text[pos + len(mid):].encode('utf-8'),
                        'a phrase in GB18030 inside a UTF-8 file')
            except UnicodeEncodeError:
                pass
        return head + b'\xff' + tail, 'stray byte 0xff'
    if codec.startswith('utf-16'):
        bad = b'\x00\xdc' if codec.endswith('le') else b'\xdc\x00'
        return head + bad + tail, 'lone UTF-16 surrogate'
    return head + rng.choice([b'\xff', b'\x80', b'\xff\xfe']) + tail, f'stray byte(s) not valid in {enc}'


def encode_lines(texts, enc, bo, newline, final_nl, corrupt_at, rng):
    codec = codec_of(enc, bo)
    nl = ('\r\n' if newline == 'crlf' else '\n').encode(codec)
    chunks = []
    desc = None
    for i, t in enumerate(texts):
        b = t.encode(codec)
        if corrupt_at is not None and i == corrupt_at:
            b, desc = corrupt(rng, b, t, enc, bo)
        chunks.append(b)
    data = nl.join(chunks) + (nl if final_nl else b'')
    if enc == 'utf-8-sig':
        data = b'\xef\xbb\xbf' + data
    elif enc == 'utf-16':
        data = (b'\xff\xfe' if bo == 'le' else b'\xfe\xff') + data
    return data, desc


# =====================================================================================
# planning
# =====================================================================================
KINDS = ['not-a-report', 'missing-section', 'section-order', 'missing-table', 'blank-cell', 'invalid-value',
         'total-mismatch', 'balance-mismatch', 'narrative-mismatch', 'outdated-template', 'missing-fee-statement',
         'period-mismatch', 'implausible-value', 'encoding']
CATEGORY = {'blank-cell': 'cell', 'invalid-value': 'cell', 'total-mismatch': 'cell', 'balance-mismatch': 'cell',
            'implausible-value': 'cell', 'missing-section': 'struct', 'section-order': 'struct', 'missing-table': 'mt',
            'narrative-mismatch': 'narr', 'missing-fee-statement': 'fee', 'period-mismatch': 'period',
            'outdated-template': 'tmpl', 'encoding': 'bytes', 'not-a-report': 'nar'}
LAYOUTS = ['pipe', 'cells', 'tsv', 'spaces', 'markdown', 'html', 'pdf']
SUBS = {'pipe': [('seed', 4), ('plain', 3), ('boxed', 3), ('fill', 1)], 'tsv': [('empty', 5), ('word', 4), ('fill', 1)],
        'markdown': [('empty', 8), ('fill', 2)], 'html': [('rowline', 50), ('cellline', 35), ('minified', 15)],
        'pdf': [('rowline', 75), ('stacked', 25)], 'spaces': [('layout', 1)], 'cells': [('word', 1)]}
NR_KINDS = ['selfcheck', 'guide', 'news', 'plan', 'summary', 'listpage', 'notice', 'form']


def compatible(a, b):
    ca, cb = CATEGORY[a], CATEGORY[b]
    if ca == cb or 'nar' in (ca, cb):
        return False
    return {ca, cb} != {'mt', 'cell'}


def make_plans(n, seed, rate):
    rng = random.Random(seed)
    n_def = round(n * rate)
    seq = []
    while len(seq) < n_def:
        blk = KINDS[:]
        rng.shuffle(blk)
        seq += blk
    seq = seq[:n_def]
    defective = set(rng.sample(range(n), n_def))
    plans = []
    lay_seq = []
    nr_seq = []
    it = iter(seq)
    for i in range(n):
        kinds = []
        if i in defective:
            kinds = [next(it)]
            if kinds[0] != 'not-a-report' and rng.random() < 0.3:
                second = [k for k in KINDS if compatible(kinds[0], k)]
                kinds.append(rng.choice(second))
        plans.append({'idx': i, 'kinds': kinds})
    for p in plans:
        kinds = p['kinds']
        if 'not-a-report' in kinds:
            p['layout'] = 'none'
        else:
            if not lay_seq:
                lay_seq = LAYOUTS[:]
                rng.shuffle(lay_seq)
            p['layout'] = lay_seq.pop()
        need21 = any(k in kinds for k in ('outdated-template', 'missing-fee-statement'))
        years = [(2019, 10), (2020, 12), (2021, 13), (2022, 15), (2023, 15), (2024, 10)]
        if need21:
            years = [(y, w) for y, w in years if y >= 2021]
        p['year'] = wchoice(rng, years)
        p['template'] = '2019' if (p['year'] <= 2020 or 'outdated-template' in kinds) else '2021'
        if 'implausible-value' in kinds:
            p['level'] = wchoice(rng, [(lv, w) for lv, w in LEVELS if lv in LOW_LEVELS])
        else:
            p['level'] = wchoice(rng, LEVELS)
        p['sub'] = wchoice(rng, SUBS[p['layout']]) if p['layout'] != 'none' else None
        trad = rng.random() < 0.12
        p['script'] = 'traditional' if trad else 'simplified'
        html = p['layout'] == 'html' or (p['layout'] == 'none' and rng.random() < 0.3)
        p['html'] = html
        if html:
            encs = [('big5', 5), ('utf-8', 5)] if trad else [('utf-8', 65), ('gbk', 25), ('utf-8-sig', 10)]
        else:
            encs = [('big5', 6), ('utf-8', 3), ('utf-16', 1)] if trad else \
                [('utf-8', 40), ('utf-8-sig', 8), ('gbk', 17), ('gb18030', 10), ('utf-16', 10)]
        p['encoding'] = wchoice(rng, encs)
        p['byteorder'] = ('le' if rng.random() < 0.7 else 'be') if p['encoding'] == 'utf-16' else None
        p['newline'] = 'crlf' if rng.random() < 0.25 else 'lf'
        p['final_nl'] = rng.random() < 0.8
        p['opencc'] = rng.choice(['s2t', 's2t', 's2tw', 's2hk']) if trad else None
        if p['layout'] == 'none':
            if not nr_seq:
                nr_seq = NR_KINDS[:]
                rng.shuffle(nr_seq)
            p['nr_kind'] = nr_seq.pop()
        else:
            p['nr_kind'] = None
        p['seed'] = rng.randrange(2 ** 31)
    return plans


# =====================================================================================
# one file
# =====================================================================================
_CONV = {}


def converter(cfg):
    if cfg not in _CONV:
        import opencc  # lazily: only Traditional files need it

        with warnings.catch_warnings():  # OpenCC opens its own data files without naming an encoding
            warnings.simplefilter('ignore', EncodingWarning)
            _CONV[cfg] = opencc.OpenCC(cfg)
    return _CONV[cfg]


def make_file(plan, outdir):
    rng = random.Random(plan['seed'])
    nonrep = plan['layout'] == 'none'
    rep = NonReport(rng, plan) if nonrep else Report(rng, plan)
    blocks = rep.build()
    fm = Formatter(rep, rng)
    enc = plan['encoding']
    if plan['html']:
        charset = {'utf-8': 'utf-8', 'utf-8-sig': 'utf-8', 'gbk': rng.choice(['gb2312', 'gbk']), 'big5': 'big5'}[enc]
        lines = fm.html(blocks, charset, getattr(rep, 'title', None))
    else:
        lines = fm.text(blocks)
    texts = [line for line, _ in lines]
    # ---- Traditional script
    conv = None
    if plan['script'] == 'traditional':
        conv = converter(plan['opencc'])
        texts = [conv.convert(t) for t in texts]
    # ---- characters the codec cannot hold
    san = [sanitize(t, enc) for t in texts]
    if san != texts:
        rep.notes.append(f'some characters replaced for {enc}')
    texts = san
    # ---- line numbers of tags
    where = {}
    for i, (_, tg) in enumerate(lines):
        for t in tg:
            key = tuple(t) if isinstance(t, (list, tuple)) else (t,)
            where.setdefault(key, []).append(i + 1)
    last = max(i + 1 for i, t in enumerate(texts) if t.strip())
    where[('lastline',)] = [last]
    # ---- encoding defect
    corrupt_at = None
    if 'encoding' in plan['kinds']:
        cands = [i for i, (_, tg) in enumerate(lines) if 'prose' in tg and len(texts[i]) > 20
                 and not any(isinstance(t, tuple) and t[0] in ('narr', 'period', 'heading', 'sec6body') for t in tg)]
        if not cands:
            cands = [i for i, t in enumerate(texts) if len(t) > 20 and not t.startswith('<')]
        corrupt_at = rng.choice(cands)
    data, cdesc = encode_lines(texts, enc, plan['byteorder'], plan['newline'], plan['final_nl'], corrupt_at, rng)
    if corrupt_at is not None:
        rep.defects.append({'kind': 'encoding', 'rule_hint': cdesc, 'line': corrupt_at + 1, 'alt_lines': []})
    ext = '.html' if plan['html'] and rng.random() < 0.8 else ('.htm' if plan['html'] else '.txt')
    name = 'r{:04d}{}'.format(plan['idx'], ext)
    with open(os.path.join(outdir, name), 'wb') as f:
        f.write(data)
    # ---- truth
    defects = []
    for d in rep.defects:
        d = dict(d)
        if 'tag' in d:
            tag = d.pop('tag')
            alts = d.pop('alt_tags', [])
            lns = where.get(tuple(tag))
            d['line'] = lns[-1] if tag[0] == 'dupheading' else (lns[0] if lns else None)
            al = [x for x in (lns or [])[1:3] if x != d['line']]
            for a in alts + ([('rowlabel', d['table'], d['row'])] if d.get('row') else []):
                for x in where.get(tuple(a), [])[:2]:
                    if x != d['line'] and x not in al:
                        al.append(x)
            d['alt_lines'] = al
            if d['line'] is None and al:
                d['line'] = al.pop(0)
            if d['line'] is None:
                rep.notes.append('defect {}: its line could not be located (tag {})'.format(d['kind'], tag))
        defects.append(d)
    expected = sorted(set(d['kind'] for d in defects))
    tolerated = sorted(set(x for d in defects for x in d.pop('tolerated', []) if x not in expected))
    tables = {}
    tpl = None
    if not nonrep:
        tpl = plan['template']
        for t in ('active', 'applications', 'reviews'):
            if t in rep.missing_tables:
                continue
            tab = json.loads(json.dumps(rep.T[t]))
            for r in tab:
                for c in tab[r]:
                    v = tab[r][c]
                    if isinstance(v, str):
                        v = conv.convert(v) if conv else v
                        tab[r][c] = sanitize(v, enc)
            tables[t] = tab
        if not tables:
            tpl = None
    truth = {'path': name, 'year': plan['year'], 'template': tpl, 'organ': rep.org['name'],
             'organ_level': rep.org['level'],
             'layout': plan['layout'], 'layout_variant': plan['sub'], 'encoding': enc,
             'byte_order': plan['byteorder'], 'script': plan['script'], 'opencc': plan['opencc'],
             'newline': plan['newline'], 'html_file': plan['html'], 'tables': tables, 'defects': defects,
             'expected_kinds': expected, 'tolerated_kinds': tolerated, 'glued_rows': [],
             'notes': rep.notes, 'features': sorted(set(rep.features)), 'planned_kinds': plan['kinds']}
    return truth


def generate(outdir, n, seed, defects=0.6):
    """Write n reports and truth.json to outdir."""
    seed = int(seed)
    os.makedirs(outdir, exist_ok=True)
    files = [make_file(p, outdir) for p in make_plans(n, seed, defects)]
    # 'generator' keeps the original script's name: selfcheck.py tells the two kinds of truth apart by it
    with open(os.path.join(outdir, 'truth.json'), 'w', encoding='utf-8') as f:
        json.dump({'generator': 'gen2.py', 'seed': seed, 'n': n, 'defect_rate': defects, 'files': files},
                  f, ensure_ascii=False, indent=1)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('outdir')
    ap.add_argument('--n', type=int, default=600)
    ap.add_argument('--seed', type=int, default=7)
    ap.add_argument('--defects', type=float, default=0.6, help='share of files with planted defects (default 0.6)')
    a = ap.parse_args(argv)
    generate(a.outdir, a.n, a.seed, a.defects)
    print(f'wrote {a.n} files and truth.json to {a.outdir}')


if __name__ == '__main__':
    main()

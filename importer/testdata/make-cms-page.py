#!/usr/bin/python3
"""Writes cms-trs-gbk.html: a hand-made page imitating a TRS portal article with a report pasted from Word
through a UEditor-type editor (see ../../../shared/reference/publication-and-workflow.md §2.1): GB2312
declared and GBK-encoded, body in <div class=TRS_Editor>, every cell <td><p style="text-indent:2em">,
numbers padded with &nbsp;, border="0", "商业<p>企业" split, spans 22/8/3/5/3, a run-in lead, and one extra
local row in tables 二 and 三. Run: /usr/bin/python3 make-cms-page.py (from this folder)."""

TD = ('<td width="{w}" valign="center" {span}style="border-color: currentcolor windowtext windowtext; '
      'border-style: none solid solid; border-width: medium 1px 1px; padding: 0px 7px;">'
      '<p style="text-indent: 2em;"><span style="font-family: 宋体; font-size: 14px;">{t}</span></p></td>')

def td(t, w=46, rs=1, cs=1):
    span = ''
    if rs > 1: span += f'rowspan="{rs}" '
    if cs > 1: span += f'colspan="{cs}" '
    return TD.format(w=w, span=span, t=t)

def num(v, i):
    # padding as Word/UEditor leave it: "0&nbsp;", "&nbsp;0", plain
    return [f'{v}&nbsp;', f'&nbsp;{v}', f'{v}'][i % 3]

def table(rows, attrs='border="0"'):
    out = [f'<table style="border-collapse: collapse; width: 585px;" width="585" cellspacing="0" {attrs} align="center"><tbody>']
    for i, r in enumerate(rows):
        cls = ' class="firstRow"' if i == 0 else ''
        out.append(f'<tr{cls}>' + ''.join(r) + '</tr>')
    out.append('</tbody></table>')
    return '\n'.join(out)

P = '<p style="text-indent: 2em; line-height: 2em;"><span style="font-family: 仿宋_GB2312; font-size: 16px;">{}</span></p>'
H = '<p style="text-indent: 2em;"><strong><span style="font-family: 黑体;">{}</span></strong></p>'

# 表二 (2021 format) with a local extra row 行政确认 under 第二十条第（五）项
t2 = []
def blk(title): t2.append([td(title, 585, cs=4)])
blk('第二十条第（一）项')
t2.append([td('信息内容', 200), td('本年制发件数', 128), td('本年废止件数', 128), td('现行有效件数', 128)])
t2.append([td('规章', 200), td(num(0, 0)), td(num(0, 1)), td(num(0, 2))])
t2.append([td('行政规范性文件', 200), td(num(3, 0)), td(num(1, 1)), td(num(12, 2))])
blk('第二十条第（五）项')
t2.append([td('信息内容', 200), td('本年处理决定数量', 384, cs=3)])
t2.append([td('行政许可', 200), td(num(120, 0), 384, cs=3)])
t2.append([td('行政确认', 200), td(num(9, 1), 384, cs=3)])
blk('第二十条第（六）项')
t2.append([td('信息内容', 200), td('本年处理决定数量', 384, cs=3)])
t2.append([td('行政处罚', 200), td(num(56, 2), 384, cs=3)])
t2.append([td('行政强制', 200), td(num(7, 0), 384, cs=3)])
blk('第二十条第（八）项')
t2.append([td('信息内容', 200), td('本年收费金额（单位：万元）', 384, cs=3)])
t2.append([td('行政事业性收费', 200), td(num('12.5', 1), 384, cs=3)])

# 表三 (2021 format): 3 header rows, 三、本年度办理结果 spanning 22 rows, an extra local row （八）其他
vals = {
    'new': [20, 0, 0, 0, 0, 2], 'carried': [1, 0, 0, 0, 0, 0], 'r1': [10, 0, 0, 0, 0, 1], 'r2': [2, 0, 0, 0, 0, 0],
    'r3_4': [1, 0, 0, 0, 0, 0], 'r4_1': [5, 0, 0, 0, 0, 1], 'r5_2': [1, 0, 0, 0, 0, 0],
    'r7': [19, 0, 0, 0, 0, 2], 'carry': [2, 0, 0, 0, 0, 0],
}
def nums(rid):
    v = vals.get(rid, [0] * 6)
    return [td(num(x, i)) for i, x in enumerate(v + [sum(v)])]
t3 = [
    [td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 230, rs=3, cs=3), td('申请人情况', 355, cs=7)],
    [td('自然人', 46, rs=2), td('法人或其他组织', 230, cs=5), td('总计', 46, rs=2)],
    [td('商业<p>企业</p>'), td('科研<p>机构</p>'), td('社会公益组织'), td('法律服务机构'), td('其他')],
    [td('一、本年新收政府信息公开申请数量', 230, cs=3)] + nums('new'),
    [td('二、上年结转政府信息公开申请数量', 230, cs=3)] + nums('carried'),
    [td('三、本年度办理结果', 30, rs=23), td('（一）予以公开', 200, cs=2)] + nums('r1'),
    [td('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 200, cs=2)] + nums('r2'),
]
groups = [
    ('（三）不予公开', ['r3_%d' % i for i in range(1, 9)], ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项']),
    ('（四）无法提供', ['r4_1', 'r4_2', 'r4_3'], ['1、本机关不掌握相关政府信息', '2、没有现成信息需要另行制作', '3、补正后申请内容仍不明确']),
    ('（五）不予处理', ['r5_%d' % i for i in range(1, 6)], ['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息']),
    ('（六）其他处理', ['r6_1', 'r6_2', 'r6_3'], ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他']),
]
for g, ids, labels in groups:
    for k, (rid, lab) in enumerate(zip(ids, labels)):
        row = [td(g, 60, rs=len(ids))] if k == 0 else []
        t3.append(row + [td(lab, 140)] + nums(rid))
t3.append([td('（八）其他情形', 200, cs=2)] + nums('none'))
t3.append([td('（七）总计', 200, cs=2)] + nums('r7'))
t3.append([td('四、结转下年度继续办理', 230, cs=3)] + nums('carry'))

res = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']
t4v = [1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]
t4 = [
    [td('行政复议', 195, cs=5), td('行政诉讼', 390, cs=10)],
    [td(r, 39, rs=2) for r in res] + [td('未经复议直接起诉', 195, cs=5), td('复议后起诉', 195, cs=5)],
    [td(r, 39) for r in res] * 2,
    [td(num(v, i), 39) for i, v in enumerate(t4v)],
]

body = [
    P.format('本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。'),
    P.format('本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。'),
    H.format('一、总体情况'),
    P.format('2023年，我局认真贯彻落实《条例》，扎实推进政务公开工作。'),
    P.format('<strong>（一）主动公开情况。</strong>全年主动公开政府信息356条，其中政策文件12件。'),
    P.format('<strong>（二）依申请公开情况。</strong>全年新收政府信息公开申请22件，上年结转1件，办结21件，结转下年度2件。'),
    P.format('&nbsp;&nbsp;（三）政府信息管理'),
    P.format('严格落实公开属性源头认定机制。'),
    H.format('二、主动公开政府信息情况'),
    table(t2),
    H.format('三、收到和处理政府信息公开申请情况'),
    table(t3),
    H.format('四、政府信息公开行政复议、行政诉讼情况'),
    table(t4, 'border="1"'),
    H.format('五、存在的主要问题及改进情况'),
    P.format('一是公开内容不够全面。二是解读形式较为单一。'),
    P.format('下一步，我局将进一步加强政策解读。'),
    H.format('六、其他需要报告的事项'),
    P.format('本年度未收取信息处理费。'),
    '<p style="text-align: right;"><span style="font-family: 仿宋_GB2312;">江州市市场监督管理局</span></p>',
    '<p style="text-align: right;"><span style="font-family: 仿宋_GB2312;">2024年1月25日</span></p>',
]

page = f'''<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<meta name="SiteIDCode" content="3307000001" />
<meta name="ColumnName" content="政府信息公开年报" />
<meta name="ArticleTitle" content="江州市市场监督管理局2023年政府信息公开工作年度报告" />
<title>江州市市场监督管理局2023年政府信息公开工作年度报告_江州市人民政府</title>
<link rel="stylesheet" href="/images/trt_ui_v2.css" />
<script>var DocId = "104656";</script>
</head>
<body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/col/">一、机构概况</a></li><li><a href="/zfxxgk/">政府信息公开</a></li></ul></div>
<div class="main">
<div class="location">当前位置：首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>
<div class="article">
<div class="title">江州市市场监督管理局2023年政府信息公开工作年度报告</div>
<div class="info">发布时间：2024-01-26 来源：江州市市场监督管理局 浏览次数：<span id="count">128</span> 字号：[<a>大</a> <a>中</a> <a>小</a>]</div>
<div class="tabs"><span class="on">文字版</span><span>全真版</span></div>
<div class="TRS_Editor"><div class="Custom_UnionStyle">
{chr(10).join(body)}
</div></div>
<div class="print"><a href="javascript:window.print()">【打印】</a> <a href="javascript:window.close()">【关闭】</a></div>
</div>
</div>
<div class="footer"><p>主办：江州市人民政府办公室　版权所有</p><p>网站标识码：3307000001</p></div>
</body>
</html>
'''
open('cms-trs-gbk.html', 'wb').write(page.encode('gbk'))

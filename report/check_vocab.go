package report

import (
	"github.com/nianbao/nianbao/internal/lazyre"
	"github.com/nianbao/nianbao/layouts"
)

// The prose vocabulary of N-TEXT: how real reports name the quantities of tables 二, 三 and 四. It is data —
// each phrasing is a row of textTerms, each quantity a row of textQuantities — read by the engine in
// check_text.go. docs/format.md lists the same phrasings for users.

// termKind says how a phrase relates a following number to a table cell.
type termKind int

const (
	// tQty names a quantity outright: 予以公开N件, 被申请行政复议N件.
	tQty termKind = iota
	// tCol names a column of the row or block the sentence is about: 其中自然人N件, 其中维持N件.
	tCol
	// tVerb is a table 二 action waiting for a document type: 制发 … 规章N件.
	tVerb
	// tNoun is a table 二 document type waiting for an action: 制发规章N件, 现行有效的N件行政规范性文件.
	tNoun
	// tStop looks like a phrase but states nothing checkable (规章制度, 办理结果); it hides the shorter
	// phrases it contains.
	tStop
)

// textTerm is one phrasing. Patterns are matched leftmost-longest, so a longer phrase hides the phrases it
// contains (结转下年度继续办理 hides 办理).
type textTerm struct {
	pattern string
	kind    termKind
	// id is the quantity (tQty), the column (tCol: NP, LEGAL, CE, RI, SW, LS; keep, fix, other, pending),
	// the action (tVerb: made, repealed, in_force) or the document type (tNoun: gz, gfxwj).
	id string
	// ctx is the row (table 三) or block (table 四) the sentence is about from here on, for tCol terms.
	ctx string
	// format restricts the term to one national format ("" = both).
	format layouts.Format
}

// applyPat is what may stand between 收到 and 申请 in "收到…申请N件".
const applyPat = `(?:收到|受理|新收到|新受理|新收|新增|接收|接到|收悉|共收|共受理|共收到)(?:各类|群众|公民|社会公众|市民|公众)?(?:的)?(?:政府信息公开|信息公开|依申请公开|公开)?(?:的)?申请`

var textTerms = []textTerm{
	// 表三: totals.
	{pattern: applyPat, kind: tQty, id: "new", ctx: "new"},
	{pattern: `本年(?:度)?(?:新收到|新受理|新收)(?:政府信息公开|信息公开|依申请公开)?(?:的)?(?:申请)?|新收(?:申请)?`, kind: tQty, id: "new", ctx: "new"},
	{pattern: `(?:政府信息公开|信息公开)申请(?:总量|总数)|收到(?:的)?申请(?:总量|总数)`, kind: tQty, id: "new", ctx: "new"},
	{pattern: `(?:上一?年度?|去年)(?:度)?结转(?:至|到)?(?:本年度?|今年)?(?:的)?(?:政府信息公开)?(?:申请)?|含上一?年度?结转`, kind: tQty, id: "carried", ctx: "carried"},
	{pattern: `办结|已办结|办理完毕|办理完成|答复完毕|作出答复|答复|依法答复|按时答复|办结政府信息公开申请|答复政府信息公开申请`, kind: tQty, id: "r7", ctx: "r7"},
	{pattern: `(?:共|全年|累计|全年共|共计)办理|办理(?:了)?(?:政府信息公开|依申请公开)(?:申请)?|处理政府信息公开申请`, kind: tQty, id: "handled", ctx: "r7"},
	{pattern: `(?:结转|转入|顺延)(?:至|到|入)?(?:下一?年度?|下一年度|次年|明年|[0-9０-９]{4}年度?)(?:继续)?(?:办理)?`, kind: tQty, id: "carry", ctx: "carry"},
	{pattern: `(?:书面|当场|当面|电话|网上|邮寄|延期|逾期|提前|当日|口头|告知)(?:答复|办结|办理)|办理结果|办理情况|办理时限|办理期限|办理流程|办理工作|办理质量|办理程序|继续办理|答复率|办结率|答复期限|答复时限|答复意见|答复工作`, kind: tStop},
	// a negated 办结 names the cases still open (尚未办结的2件), not 办结
	{pattern: `(?:尚未|未能|仍未|未|没有)(?:按期|按时|及时)?(?:办结|答复|办理完毕|作出答复|答复完毕)`, kind: tStop},
	// 表三: categories of 办理结果 and their rows.
	{pattern: `予以公开`, kind: tQty, id: "r1", ctx: "r1"},
	{pattern: `部分公开`, kind: tQty, id: "r2", ctx: "r2"},
	{pattern: `予以公开(?:及|和|与|、|加|或)部分公开`, kind: tQty, id: "r12"},
	{pattern: `不予公开`, kind: tQty, id: "r3"},
	{pattern: `无法提供`, kind: tQty, id: "r4"},
	{pattern: `不予处理`, kind: tQty, id: "r5"},
	{pattern: `其他处理`, kind: tQty, id: "r6"},
	{pattern: `(?:属于|涉及)国家秘密`, kind: tQty, id: "r3_1"},
	{pattern: `其他法律行政法规禁止公开`, kind: tQty, id: "r3_2"},
	{pattern: `危及“三安全一稳定”|危及三安全一稳定`, kind: tQty, id: "r3_3"},
	{pattern: `(?:保护|涉及)第三方合法权益`, kind: tQty, id: "r3_4"},
	{pattern: `(?:属于)?三类内部事务信息`, kind: tQty, id: "r3_5"},
	{pattern: `(?:属于)?四类过程性信息`, kind: tQty, id: "r3_6"},
	{pattern: `(?:属于)?行政执法案卷`, kind: tQty, id: "r3_7"},
	{pattern: `(?:属于)?行政查询事项`, kind: tQty, id: "r3_8"},
	{pattern: `本机关不掌握(?:相关)?(?:政府)?信息|不掌握相关政府信息`, kind: tQty, id: "r4_1"},
	{pattern: `没有现成信息需要另行制作`, kind: tQty, id: "r4_2"},
	{pattern: `补正后申请内容仍不明确`, kind: tQty, id: "r4_3"},
	{pattern: `信访举报投诉类(?:申请)?`, kind: tQty, id: "r5_1"},
	{pattern: `重复申请`, kind: tQty, id: "r5_2"},
	{pattern: `要求提供公开出版物`, kind: tQty, id: "r5_3"},
	{pattern: `无正当理由大量反复申请`, kind: tQty, id: "r5_4"},
	{pattern: `要求行政机关确认或重新出具已获取信息`, kind: tQty, id: "r5_5"},
	{pattern: `(?:申请人)?(?:无正当理由)?逾期不补正`, kind: tQty, id: "r6_1", format: layouts.F2021},
	{pattern: `(?:申请人)?逾期未按收费通知要求缴纳费用`, kind: tQty, id: "r6_2", format: layouts.F2021},
	// 表三: applicant columns of the row the sentence is about.
	{pattern: `自然人(?:提出|提交)?(?:的)?(?:申请)?`, kind: tCol, id: "NP"},
	{pattern: `法人(?:或|和|及)其他组织(?:提出|提交)?(?:的)?(?:申请)?`, kind: tCol, id: "LEGAL"},
	{pattern: `商业企业(?:提出|提交)?(?:的)?(?:申请)?`, kind: tCol, id: "CE"},
	{pattern: `科研机构(?:提出|提交)?(?:的)?(?:申请)?`, kind: tCol, id: "RI"},
	{pattern: `社会公益组织(?:提出|提交)?(?:的)?(?:申请)?`, kind: tCol, id: "SW"},
	{pattern: `法律服务机构(?:提出|提交)?(?:的)?(?:申请)?`, kind: tCol, id: "LS"},

	// 表四.
	{pattern: `(?:被申请|申请|提起|发生|涉及)?(?:政府信息公开)?(?:类)?(?:行政)?复议(?:申请|案件)?`, kind: tQty, id: "review", ctx: "review"},
	{pattern: `(?:被提起|提起|发生|涉及|被起诉|应诉|被诉)?(?:政府信息公开)?(?:类)?(?:行政)?诉讼(?:案件)?|被起诉`, kind: tQty, id: "lit", ctx: "lit"},
	{pattern: `未经复议直接起诉|直接起诉|直接提起(?:行政)?诉讼`, kind: tQty, id: "direct", ctx: "direct"},
	{pattern: `复议后起诉|复议后(?:提起)?(?:行政)?诉讼`, kind: tQty, id: "post", ctx: "post"},
	{pattern: `(?:结果)?(?:被)?维持(?:原(?:行政行为|具体行政行为|决定))?`, kind: tCol, id: "keep"},
	{pattern: `(?:结果)?(?:被)?(?:纠正|纠错|撤销|确认违法)`, kind: tCol, id: "fix"},
	{pattern: `其他结果`, kind: tCol, id: "other"},
	{pattern: `尚未审结|未审结|正在审理|尚在审理|审理中`, kind: tCol, id: "pending"},
	{pattern: `复议纠错率|纠错率|复议机关|行政复议法|行政诉讼法|诉讼法|(?:办结|受理|办理|审理|收到|接收|审结)(?:的)?(?:政府信息公开|信息公开)?(?:类)?(?:的)?(?:行政)?复议(?:申请|案件)?|行政复议委员会|(?:行政)?复议答复(?:书)?|答辩(?:状)?`, kind: tStop},
	// (an agency that handles 行政复议 as the 复议机关 is not the respondent that table 四 counts)

	// 表二.
	{pattern: `制发|制定|出台|印发|新制发|新制定|新制作|制作|新出台|新印发`, kind: tVerb, id: "made"},
	{pattern: `废止|宣布废止|废除|清理废止`, kind: tVerb, id: "repealed", format: layouts.F2021},
	{pattern: `现行有效(?:的)?`, kind: tVerb, id: "in_force", format: layouts.F2021},
	{pattern: `(?:市|县|区|省|州|政府|部门|地方政府)?规章`, kind: tNoun, id: "gz"},
	{pattern: `行政规范性文件`, kind: tNoun, id: "gfxwj", format: layouts.F2021},
	{pattern: `(?:行政)?规范性文件`, kind: tNoun, id: "gfxwj", format: layouts.F2019},
	{pattern: `规章制度|内部规章|规范性文件备案|规范性文件合法性审核|规范性文件解读`, kind: tStop},
	{pattern: `(?:作出|办理|实施)?(?:的)?行政许可(?:事项|决定|处理决定|案件)?`, kind: tQty, id: "xzxk"},
	{pattern: `(?:作出|办理|实施)?(?:的)?行政处罚(?:事项|决定|处理决定|案件)?`, kind: tQty, id: "xzcf"},
	{pattern: `(?:作出|办理|实施|采取)?(?:的)?行政强制(?:措施|事项|决定|处理决定|案件)?`, kind: tQty, id: "xzqz"},
	{pattern: `行政事业性收费(?:金额|总额|总金额|收入)?|收取行政事业性收费`, kind: tQty, id: "fee", format: layouts.F2021},
	{pattern: `(?:政府)?(?:集中)?采购(?:总)?金额|(?:政府)?集中采购(?:总)?(?:金额)?`, kind: tQty, id: "purchase", format: layouts.F2019},
	{pattern: `信息处理费|处理费`, kind: tStop},
}

// textQuantity is a table quantity prose may state: a sum of data keys (a key "t3.r3*.TOT" sums every row
// of the group).
type textQuantity struct {
	// cell names the cell as the finding quotes it.
	cell string
	keys []string
	// also lists other readings accepted without a finding (办理N件 may count carried-over cases).
	also [][]string
	// warn is a reading accepted with a warning that explains the ambiguity.
	warn    []string
	warnMsg string
	// base is the quantity a share "占X%" is taken of when the sentence names none.
	base string
	// money quantities are amounts in 万元 (table 二 收费/采购); others are counts.
	money bool
	// table is 表二, 表三 or 表四.
	table string
	// soft quantities differ from the prose only with a warning: the prose may count otherwise (行政许可
	// 办理量 against 处理决定数量).
	soft string
}

var textQuantities = map[string]textQuantity{
	"new": {cell: "表三“一、本年新收政府信息公开申请数量”总计", keys: []string{"t3.new.TOT"}, table: "表三",
		warn:    []string{"t3.new.TOT", "t3.carried.TOT"},
		warnMsg: "等于本年新收与上年结转之和；“收到申请”通常指本年新收，若含上年结转请写明“（含上年结转N件）”，否则请改为本年新收数"},
	"carried": {cell: "表三“二、上年结转政府信息公开申请数量”总计", keys: []string{"t3.carried.TOT"}, table: "表三"},
	"r7":      {cell: "表三“（七）总计”总计", keys: []string{"t3.r7.TOT"}, table: "表三", also: [][]string{{"t3.new.TOT"}}},
	"handled": {cell: "表三“（七）总计”总计", keys: []string{"t3.r7.TOT"}, table: "表三",
		also: [][]string{{"t3.new.TOT"}, {"t3.new.TOT", "t3.carried.TOT"}}},
	"carry":    {cell: "表三“四、结转下年度继续办理”总计", keys: []string{"t3.carry.TOT"}, table: "表三"},
	"r1":       {cell: "表三“（一）予以公开”总计", keys: []string{"t3.r1.TOT"}, base: "r7", table: "表三"},
	"r2":       {cell: "表三“（二）部分公开”总计", keys: []string{"t3.r2.TOT"}, base: "r7", table: "表三"},
	"r12":      {cell: "表三“（一）予以公开”与“（二）部分公开”总计之和", keys: []string{"t3.r1.TOT", "t3.r2.TOT"}, base: "r7", table: "表三"},
	"r3":       {cell: "表三“（三）不予公开”各项总计之和", keys: []string{"t3.r3*.TOT"}, base: "r7", table: "表三"},
	"r4":       {cell: "表三“（四）无法提供”各项总计之和", keys: []string{"t3.r4*.TOT"}, base: "r7", table: "表三"},
	"r5":       {cell: "表三“（五）不予处理”各项总计之和", keys: []string{"t3.r5*.TOT"}, base: "r7", table: "表三"},
	"r6":       {cell: "表三“（六）其他处理”总计", keys: []string{"t3.r6*.TOT"}, base: "r7", table: "表三"},
	"review":   {cell: "表四“行政复议”总计", keys: []string{"t4.review.tot"}, table: "表四"},
	"lit":      {cell: "表四“未经复议直接起诉”与“复议后起诉”总计之和", keys: []string{"t4.direct.tot", "t4.post.tot"}, table: "表四"},
	"direct":   {cell: "表四“未经复议直接起诉”总计", keys: []string{"t4.direct.tot"}, table: "表四"},
	"post":     {cell: "表四“复议后起诉”总计", keys: []string{"t4.post.tot"}, table: "表四"},
	"xzxk":     {cell: "表二“行政许可”行“处理决定数量”栏", keys: []string{"t2.xzxk.decisions"}, table: "表二", soft: "正文所说的办理量可能与表二“处理决定数量”口径不同（如含受理、未办结）；如指同一数字，请改正文或表格"},
	"xzcf":     {cell: "表二“行政处罚”行“处理决定数量”栏", keys: []string{"t2.xzcf.decisions"}, table: "表二", soft: "正文所说的办理量可能与表二“处理决定数量”口径不同（如含受理、未办结）；如指同一数字，请改正文或表格"},
	"xzqz":     {cell: "表二“行政强制”行“处理决定数量”栏", keys: []string{"t2.xzqz.decisions"}, table: "表二", soft: "正文所说的办理量可能与表二“处理决定数量”口径不同（如含受理、未办结）；如指同一数字，请改正文或表格"},
	"fee":      {cell: "表二“行政事业性收费”行“本年收费金额（单位：万元）”栏", keys: []string{"t2.xzsyxsf.amount"}, money: true, table: "表二"},
	"purchase": {cell: "表二“政府集中采购”行“采购总金额”栏", keys: []string{"t2.zfjzcg.amount"}, money: true, table: "表二"},
}

// Share bases named in "占…的X%": the words and the quantity they stand for.
var shareBases = []struct {
	re  *lazyre.RE
	qty string
}{
	{lazyre.New(`办结|答复|办理|处理|结果`), "r7"},
	{lazyre.New(`收到|受理|新收|申请总|申请量|全部申请|申请数`), "new"},
}

// Scope markers: a sentence (or clause) that carries one of these talks about something other than this
// agency's figures for the report year, and its numbers are not compared.
const (
	otherTimeRe = `去年|前年|往年|历年|以来|上年|上一年|上年度|同期|此前|以前|近[两三四五十]年|同比|环比`
	// partPeriodRe is a part of the year (第一季度, 上半年, 1月至6月, 3月份): its figures are not the year's.
	// "1月至12月" is the whole year (wholeYearRe).
	partPeriodRe = `第?[一二三四1-4１-４]季度|上半年|下半年|前[一二三四五六七八九十]{1,2}个月|[0-9０-９一二三四五六七八九十]{1,3}月(?:份|至|到|—|－|-|~|～)`
	wholeYearRe  = `^(?:1|１|一)月(?:至|到|—|－|-|~|～)(?:12|１２|十二)月`
	subUnitRe    = `下属|所属|直属|各乡镇|各街道|各镇|各县|各区|各部门|各单位|各级|本级|二级单位|局属|委属|基层|系统内|全系统|分局|派出机构`
	// wholeAreaRe is a whole area: a sub-unit of it only in a report of that area's 人民政府.
	wholeAreaRe = `全(?:省|国|市|县|区|州|盟|旗|镇|乡)`
	// goalRe marks a plan or a goal, not a fact: qualitative claims in it are not claims.
	goalRe = `力争|确保|争取|努力|杜绝|避免|防止|减少|降低|将|要|以免|防范|进一步|坚决|严防|目标`
	// roughBefore and roughAfter make a number approximate.
	roughBefore = `(?:约|近|超过|超|逾|不足|不到|将近|大约|接近|各|第|每)$`
	roughAfter  = `^(?:余|多|左右|以上|以下|上下|次|人次|份|篇|条|事|实|大|好|套|项|工作日|月|小时|天|人|年|批|类|方面|部门|单位|乡镇|村|网站|账号|栏目|专栏|平台|领域)`
)

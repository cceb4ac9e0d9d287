"""Persons: names with their titles, levels, parts (accused, petitioner, other) and places.

Works on the jieba segmentation and the character text together:

1. titles of the title table are found in the text; the nearest body in front of each title (村党支部,
   镇, 县民政局, 财政所, 市委 …) fixes its level, with the title's own level as the default;
2. a name is read right after a title (村主任张建国), before a title in brackets (袁某(村主任)), after a
   petitioner cue (我叫…, 举报人：…), or anywhere a segment starts with a surname and looks like a name:
   anonymised forms (王某, 李某某, 王ＸＸ) always, full names when the dictionary does not know the word
   as something else and the words around it say "person";
3. a title with no name makes a person with ``name`` None (村支书、村主任、村会计相互勾结: three persons),
   unless it is the first of a chain of titles ending in a name (原党组成员、副主任王某某: one person);
4. a person's part: petitioner by cue; accused by title or by a misconduct word near the mention;
   other otherwise (村民张三, 私营企业主李某).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from triage.nlp.lexicon import Lexicon, occurrences
from triage.nlp.numbers import CHINESE_NUMERAL_CHARS
from triage.petition import Person, Place

LEVEL_ORDER = ("unknown", "village", "township", "county_dept", "county", "city_or_above")
_HARD_STOP = set("，。；：！？!?,;:\n\r（）()“”\"《》【】[]")
_ADMIN_CHARS = ("村", "乡", "镇", "县", "市", "省", "区", "社区")
# before a name and an administrative title (的邹立全镇长), characters after which no place name starts
_BEFORE_NAMED_CHIEF = set("的，,、：:")
# characters that end a name: a name never contains them
_NOT_IN_NAME = set(
    "的了是在和与及或等被把将对向从也都就还已曾再并而且但却即说称讲叫让给跟某个们这那哪谁什么我你他她它"
    "您咱俺吗呢吧啊呀嘛哦票丶塅牌补"
    "、，。；：！？,.;:!?（）()“”\"'《》 \t\n0123456789０１２３４５６７８９"
)
# characters that follow 王某 as words of their own, not as the last character of a name (王某于2019年)
_NOT_THIRD = set(
    "于以为因由向自系任曾现原时共分被在与及和等对将把从经还亦均犯贿收送给拿要找让叫带去来到是有没不也都又就才却"
    "便即乃再先后同跟往受得所之的了着过则并未已应需全各每其此该本这那问答诉称说讲供负兼代替帮担当作做办批签审"
    "核管领取交付借退存支转拨挪贪侵占骗套截冒虚索获违涉出入进扣只用讓让吃喝赌擅串勾不没未多打骂搞逼仍"
)
_PLACE_OR_BODY_CHARS = set("省市县区镇乡村州旗局处科所站委办部厅院庄屯寨组")
# the suffixes of administrative places: never in a given name read by jieba's part-of-speech model
_PLACE_CHARS = set("村组乡镇县市区省")
# a bare name (no title, no cue) never ends with a feature of the land or a street (林家冲, 柳月湖, 林溪路),
# nor is it followed by a word that names a place, an estate or a business (林秀|大道, 金禾|家园, 周记|小吃)
_PLACE_END_CHARS = set("路街巷道桥湖塘湾冲坝堤渠沟港洲垸园苑郡城镇乡村庄堡家庙段岭堆垅亭滩坳坡馆局站楼线")
# X家 + a feature of the land is a village or a hill, not a name (吴家山, 薛家洼, 林家冲)
_FAMILY_PLACE_END = set("山洼村庄湾坡沟岭寨坪铺营桥塘冲坝堡河集店屯垸岗嘴滩洞坳湖场")
_PLACE_AFTER = re.compile(
    "^(?:大道|大街|小区|家园|花园|公馆|大厦|广场|公园|新城|世纪|国际|幼儿园|小学|中学|学校|收费站|平台|小吃|粉店|"
    "酒店|宾馆|超市|市场|集团|公司|中路|东路|西路|南路|北路|纪念|麻将|物业|商铺|景区|旅游|陶瓷|街道|牌|步行街|商业街|美食街|小吃街|沿岸|流域|"
    "高铁|铁路|高速|世家|冲路|塘路|湾路|岭路|坡路|水库|水厂|水电站|电站|大桥|隧道|停车场|加油站|"
    "路|街|巷|湖|桥|郡|园|湾|城|馆|域)"
)
# words after a place's or a project's name: 李cun|项目部 (a village typed in pinyin) is no person
_PINYIN_PLACE_AFTER = re.compile("项目|工程|工地|小区|片区|社区|村|镇|乡|路|街")
# the same, so sure that even a cue word next to it does not make a person: 与林塘路交叉, 名叫石家岭幼儿园
_PLACE_END_STRICT = set("路街巷湖桥村乡镇组县市区岛")
_PLACE_AFTER_STRICT = re.compile(
    "^(?:大道|大街|小区|家园|花园|公馆|大厦|广场|新城|幼儿园|收费站|公路|自然村|[一二三四五六七八九十0-9]期|[一二三四五六七八九十0-9]+(?:段|号|栋|弄))")
# words for a square, a mall or a building: a name right before one is a shop's or a brand's (金羽鸟|五一广场)
# an area's word right before a bare "name": what follows is a place in it (五一街道邵坪塘)
_AREA_BEFORE = re.compile("(?:街道|地区|片区|园区|新区|开发区|一带)$")
# the year of a document's number right after a body's short name: 汪建建[2015]76号, 滕教民幼处字[2019]3号 (a file)
_DOC_NUMBER_AFTER = re.compile("(?:[\u4e00-\u9fff]{0,3}字)?[\\[〔【（(][ ]?(?:19|20)[0-9]{2}[ ]?[\\]〕】）)]")
_SITE_WORD_ENDS = ("广场", "大厦", "商城", "商场", "市场", "大楼", "中心")
# estates, buildings and shops end so; a bare name is never one (蓝光·雍锦阁), even next to a cue word
_ESTATE_END = set("阁邸苑府汇")
# quotation marks around a shop or brand name: “金禾汇”KTV
_OPEN_QUOTES = set("“\"‘'「『")
_CLOSE_QUOTES = set("”\"’'」』")
# surnames that are mostly measure words or nouns (这段时间, 园区规划): never glued to a dictionary word
_NEVER_BARE_SURNAMES = set("段区")
# surnames that are far more often words of their own (和, 向, 来): never glued to the next word
_FUNCTION_SURNAMES = set("和向来位于都由时原全应但同成平能要可上下前后那任支")
# endings that make a word a form of address, not a name (高老板, 李老师)
_NOT_GIVEN = set("老板 先生 女士 老师 师傅 总 哥 姐 叔 婶 姨 阿姨 大爷 大妈 孩子 家 家里 某人 同学 "
                 "书记 主任 局长 镇长 村长 所长 "
                 "经理 医生 律师 警官 科长 股长 站长 会计 队长 组长 场长 厂长 大哥 大姐 老师傅 "
                 "总监 夫人 太太 小姐 们 氏 "
                 "领导 干部 同志 村民 居民 业主 群众 百姓 老百姓 市民 网友 家长 学生 员工 "
                 "工人 农民 司机 老人 小孩 老乡".split())
# a surname and one of these is no name, whatever cue stands before it (申请人：唐先生)
_FORMS_OF_ADDRESS = {"先生", "女士", "老师", "师傅", "阿姨", "大爷", "大妈", "老板", "经理", "书记", "主任", "局长",
                     "镇长", "村长", "所长", "科长", "站长", "会计", "队长", "组长", "律师", "警官", "医生", "总监",
                     "同志", "领导", "小姐", "太太", "夫人"}
# endings of offices, certificates, rates, doers and qualities, not of a bare three-character name: 农饮办, 林权证,
# 公摊率, 施暴者, 严肃性
_OFFICE_END = set("办证率者性房部局")
# endings of businesses and platforms, never of a bare name: 余易贷, 金源网
_BUSINESS_END = set("贷网店厂吧")
# characters that rarely end a three-character name but often start the next word (蔡俊以…名义)
_NOT_THIRD_FULL = set(
    "以把将被向从在对给让讓与和及等搞用系任为因于说称曾已又也还就便却竟都则并犯贿找拿要叫带私伙违涉收送骗套冒虚索挪贪侵"
    "截逼扣借只吃喝赌擅串勾不没未是经打骂独虽代时自边至触懒仅"
    "違貪騙詐濫說為與對從給讓將"  # the same words in traditional characters (雷某|違規)
)
# tags of dictionary words that are not names: a given name does not start such a word (王伟|利用)
_WORD_TAGS = ("v", "vn", "vd", "p", "c", "d", "u", "ad", "r", "f", "m", "q", "t")
_ANON_AFTER_BAD = re.compile(
    "^(?:地|些|种|处|项|时|天|日|年|月|位|单位|公司|部门|企业|机关|医院|学校|银行|平台|网站|机构|镇|乡|县|市|省|村|同学|人士|领导)")
# after the digit or numeral that follows an anonymised name: a count (3户, 3人), not an index (史某1)
_COUNTED_AFTER = re.compile("[人户个名位家次天年月日万千百元笔套间亩]")
# after 张某某一 …: what shows the numeral indexes the person (a list, a stop, a verb of the record)
_AFTER_NUMBERED_ANON = re.compile("[、，,。；;：:（(）)的和与及我他她]|$"
                                  "|出具|说|称|证实|证言|陈述|供述|负责|是|在|还是|分别")
_MASK_CHARS = "XＸ×xｘ*＊"
# a given name written in pinyin after the surname (李yang, 王xiaoming): one to three syllables, lower case
_LATIN_GIVEN = re.compile("[a-z]{2,}(?![A-Za-z0-9])")  # 楚a|绿牌, 湘A12345: a licence plate, no name
_PINYIN_NAME = re.compile("(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:[aeiouv]{1,3})(?:ng|n|r)?){1,3}")
_ANON_MARK = re.compile("某|[XＸ×ｘ＊]{2}")
# one-character words that the segmenter glues to the surname of an anonymised name after them (经|黎某某)
_BEFORE_GLUED_NAME = set("经由被给对找与和及让叫将把跟同请使令称日")  # (…2日|钟某某写了: a date's 日)
_PERSON_LEFT_CUES = (
    "被告人", "被举报人", "被反映人", "被调查人", "犯罪嫌疑人",
    "举报人", "具报人", "控告人", "申诉人", "信访人", "来电人",
    "来信人", "反映人", "证人", "被害人", "受害人", "村民", "群众", "同志", "老板", "商人", "私营企业主", "户主",
    "妻子", "丈夫", "儿子", "女儿", "父亲", "母亲", "哥哥", "弟弟", "姐姐", "妹妹", "侄子", "女婿", "亲戚", "名叫",
    "叫", "我叫", "本人", "其妻", "其子", "其女", "其父", "其母", "与", "和", "及", "、", "丶", "对", "将", "让", "找",
    "联系", "委托", "指使", "安排", "伙同", "时任", "原任", "经理", "老师", "医生", "老婆", "老公", "爸爸",
    "妈妈", "老爸", "老妈", "爷爷", "奶奶", "老伴", "自然人", "实控人", "控制人", "负责人", "股东", "法人代表", "公司",
    "包庇", "检举", "控告", "状告", "纵容", "叫了", "同事", "共犯", "经营者",
    "战友", "党员", "当家人", "创始人", "学者", "专家", "交警", "辅警", "协警",
)
_PERSON_RIGHT_CUES = (
    "等人", "等", "同志", "说", "称", "表示", "利用", "收受", "在", "担任", "系", "是", "被", "因", "为", "于", "与",
    "和", "及", "、", "丶", "，男", "，女", "(男", "（男", "(女",
    "（女", "先生", "女士", "书记", "主任", "村长", "局长",
    "镇长", "县长", "的", "通过", "以", "多次", "先后", "将", "把", "向", "从", "还", "也", "已", "曾", "拒不",
    "涉嫌", "违规", "贪污", "任", "担任", "同意", "提出", "供述", "受贿", "挪用",
    "认为", "指出", "预计", "估计", "介绍", "透露", "告诉", "坦言", "强调", "回忆", "笑称", "直言",
    "侵占", "冒领", "索要", "私自", "擅自", "非法", "伙同", "家", "一家",
    "他们", "她们", "本人", "夫妇", "夫妻", "一伙", "欠", "警官", "法官", "检察官", "律师", "教授", "记者", "同学",
    "电话", "联系电话", "手机", "身份证", "总书记", "主席", "(电话", "（电话", "审判长", "审判员", "书记员",
    "（化名", "(化名", "烈士", "（他", "(他", "（她", "(她", "******", "身故", "去世", "病故", "逝世", "过世", "火化",
)
# characters of foreign names written in Chinese (the common transliteration table), and those of them that Chinese
# names hardly ever use: a run of the first holding one of the second, right after a title or a strong cue, is a
# foreign name (主帅贝纳迪尼, 发言人莫里斯·卡森), read whole where a Chinese name would stop at three
_TRANSLIT_CHARS = (
    "阿埃艾爱安昂奥巴拜班邦鲍贝本比彼宾波伯博布查达代戴丹德登迪蒂丁东杜多厄恩尔法凡菲费芬丰弗福夫盖甘冈戈格"
    "根古瓜圭哈海汉豪赫黑亨胡华霍基吉加贾杰卡凯坎康考柯科克肯库夸奎昆拉莱赖兰朗劳勒雷蕾里利莉丽列琳卢鲁路伦罗"
    "洛马玛迈麦曼梅门蒙米摩莫默姆穆纳娜南瑙内尼妮涅宁纽努诺欧帕潘庞佩皮普齐奇恰乔切钦琼丘萨塞桑瑟森沙尚舍什"
    "舒斯苏索塔泰坦汤唐特提图托瓦威韦维温沃乌伍西希锡辛休雅亚扬耶伊因尤约翰泽扎詹兹佐茨娅丝黛琪娃白瑞莎逊"
)
_FOREIGN_ONLY = set("尔斯茨兹姆娅丝蒂迪埃奥伊乌耶弗赫沃瓦")
_FOREIGN_NAME = re.compile(f"[{_TRANSLIT_CHARS}]{{2,}}(?:[·•‧・.．\\-－][{_TRANSLIT_CHARS}]{{2,}})*")
_NAME_DOTS = set("·•‧・")
_TRANSLIT_RUN = re.compile(f"[{_TRANSLIT_CHARS}顿]{{1,8}}")  # (…顿 ends many)
# a foreign name whose parts a dot joins, after a title or a strong cue: 发言人约翰·米勒, 导演汉斯·穆勒 (the first
# part up to four characters of any kind, up to the dot; the others transliteration characters, so that the next
# word is left out)
_DOTTED_NAME = re.compile(f"[\u4e00-\u9fff]{{1,4}}(?:[·•‧・][{_TRANSLIT_CHARS}]{{1,8}})+")
# a name in Latin letters, each part capitalised, right after a title or a strong cue: 设计师JohnSmith, 总监Anna
_LATIN_NAME = re.compile("[A-Z][a-z]{1,11}(?:[ ]?[A-Z][a-z]{1,11}){0,2}(?![A-Za-z0-9])")
# a person's trade or post written right before the name, as after a title: a foreign name in transliteration
# characters may follow (主教练卡朗) as well as a Chinese one
_TRADE_CUES = (
    # news text: a byline, or a person's trade or post written right before the name (本报记者X, 导演X, 主帅X)
    "记者", "编辑", "实习生", "主编", "主持人", "导演", "演员", "歌手", "作家", "画家", "诗人", "艺术家", "书法家",
    "收藏家", "设计师", "建筑师", "编剧", "制片人", "教练", "主教练", "主帅", "球员", "选手", "执行董事", "发言人",
    "教授", "研究员", "分析师", "经济学家", "科学家",
    # a lawyer's, a doctor's or a judge's name after their trade: 代理律师X, 主治医师X, 承办法官X
    "律师", "医师", "护士", "法官", "检察官", "警察",
)
# words glued to the title after them (原|村主任, 名誉|会长, 首席|执行官): the title inside the word is read
_TITLE_MODIFIERS = ("原", "副", "前", "名誉", "荣誉", "首席", "常务", "执行", "代理", "时任", "现任", "前任")
# words right before a name (the name is read as after a title)
_STRONG_CUES = (
    "被告人", "原审被告人", "上诉人", "被上诉人", "辩护人", "犯罪嫌疑人", "被害人", "证人", "被举报人", "被反映人",
    "被调查人", "被投诉人", "同案犯", "申请人", "被申请人", "原告", "被告", "当事人", "法定代表人", "实际控制人",
    "户主", "村民",
    "居民", "群众", "私营企业主", "行贿人", "受贿人", "名叫", "叫做", "其妻", "其夫", "其子", "其女", "妻子", "丈夫",
    "儿子", "女儿", "同志", "老婆", "老公", "父亲", "母亲", "爸爸", "妈妈", "老爸", "老妈", "爷爷", "奶奶",
    "哥哥", "姐姐", "弟弟", "妹妹", "侄子", "侄女", "外甥", "女婿", "儿媳", "自然人",
    "老板", "法人", "姓名", "老伴", "起名", "取名", "化名", "仲裁员", "打手", "顾问",
    "朋友", "通讯员", "警官", "干警", "讲师", "股东", "承办人", "公诉人", "经办人", "代理人",
    "同事", "共犯", "估价师", "评估师", "经营者", "战友", "党员", "工程师",
    "常用名字", "常用名", "曾用名", "原名", "又名", "别名", "本人名", "我名",
    "财务人员", "业务员", "职员", "胞弟", "胞兄", "胞妹", "胞姐",
    "姐夫", "妹夫", "表哥", "表弟", "表姐", "表妹", "堂兄", "堂弟",
    "叔叔", "舅舅", "岳父", "岳母", "嫂子", "弟媳", "好友", "人叫", "管家", "操盘手", "承包商", "包工头",
    "买受人", "出卖人", "受让人", "转让人", "承租人", "出租人", "收款人", "持卡人", "开户人", "户名", "账户名",
    *_TRADE_CUES,
    # a judgment's and a case file's people: 检察员X出庭, 特定关系人X收取, 同案人员X
    "检察员", "代理检察员", "审判长", "审判员", "人民陪审员", "陪审员", "书记员", "特定关系人", "同案人员",
    # a relative's name after 叫: 我爸叫文某某
    "爸叫", "爸爸叫", "妈叫", "妈妈叫", "父亲叫", "母亲叫", "儿子叫", "女儿叫", "丈夫叫", "妻子叫", "老公叫", "老婆叫",
    "孩子叫", "哥哥叫", "姐姐叫", "弟弟叫", "妹妹叫", "外公叫", "外婆叫", "爷爷叫", "奶奶叫",
    # a parent named by the writer: 我爸X (not 经侦X, an economic-crimes officer: 经侦查 is "upon investigation")
    "我爸", "我妈", "我爹", "我娘", "我爸叫", "我妈叫",
    # a spokesman of the villagers, residents or owners: 村民代表X
    "村民代表", "居民代表", "业主代表", "群众代表",
    # a household the schemes name (贫困户X, 五保户X), a self-employed trader, a contractor
    "贫困户", "五保户", "低保户", "特困户", "困难户", "个体户", "承包人",
)
# a school or a hospital a few characters after a bare name: its name starts with the "name"
_SCHOOL_AFTER = re.compile("([\u4e00-\u9fff]{0,4}?)(?:中学|小学|学校|幼儿园|医院|大学|学院)")
# the owners or tenants "of" a bare name are an estate's: 金湖悦的一名业主
_RESIDENT_AFTER = re.compile("的(?:一名|一位|一个|全体|广大)?(?:业主|住户|租户|居民)")
# verbs of saying after a name: with a cue before it, a single character between the name and one of them is the
# name's third (学者叶明|海|认为)
_SAYS_AFTER = re.compile("认为|指出|表示|说道|称")
# forms of address that follow a full name (邹意远同学, 蒋立新警官)
_ADDRESS_AFTER = re.compile("同学|同志|先生|女士|警官|教授|博士")
# words after a name that make it a firm's or a shop's: 福瑞斯|员工, 刘刘烤|面筋店
_FIRM_AFTER = re.compile("员工|职工|门店|[\u4e00-\u9fff]{0,2}店(?![里内外门])"
                         "|歌舞厅|舞厅|酒吧|网吧|会所|茶楼|酒楼|浴场|足浴|洗浴|KTV|ktv|驾校|车行|二手车")
# words that make what stands before them a firm's name: 华利|房地产, 宏达|置业
_FIRM_WORD_AFTER = re.compile("房地产|地产|置业|物业|集团|公司|有限|股份|实业|商贸|投资|科技|传媒")
# the head of a gang: 以X为首
_LED_BY = re.compile("以(?P<name>[\u4e00-\u9fff]{2,3})为首")
_SELF_INTRODUCED = re.compile("(?:我是|本人是?|我们是)[^，,。；;！？!?]{0,20}$")
# the writer introducing themself by what they are, then their name: 我是东关村村民张三, 本人是5栋业主李四 (the
# places may be set off by commas: 我是A县，B镇C村，D组村民X)
_SELF_INTRODUCED_AS = re.compile("(?:我|本人)是(?!说)"
                                 "(?:[^，,。；;！？!?我与和给跟同帮替为]{1,12}[省市县区镇乡村组][，,])*"
                                 "[^，,。；;！？!?我与和给跟同帮替为]{0,24}"
                                 "(?:村民|居民|业主|群众|户主|村民代表|居民代表|业主代表|群众代表|学生|职工|员工|工人|"
                                 "教师|家长|农民工|市民|党员|退休干部|退休教师|住户|租户|[村组])的?$")
# the writer set off by commas after 我 (我，X，居住在…), or signing after 此致/敬礼 (此致 敬礼！X, 此致X2018年…)
_I_COMMA_BEFORE = re.compile("(?:^|[。！!？?\\s：:])[ \u3000]*我[，,][ \u3000]?$")
_CLOSING_BEFORE = re.compile("(?:此致|敬礼)[ \u3000。.！!，,]*$")
# a name speaking for the residents (X代表本小区居民…), or followed by the writer's address and number
# (X，住…，联系电话)
_SPEAKS_FOR_AFTER = re.compile("代表[^，,。；;！？!?]{0,8}(?:居民|业主|村民|住户|用户|用水户|群众)")
_ADDRESS_THEN_PHONE_AFTER = re.compile("[，,](?:家住|现住|住)[^。！？!?]{2,30}?(?:联系电话|电话|手机)")
# before a petitioner's cue, words that make it someone else's contact (合同指定联系人, 公司联系人); 被 (被举报人)
# makes it the accused's
_SOMEONE_ELSES_CUE = ("指定", "公司")
_NOT_WRITERS_BEFORE = ("被",) + _SOMEONE_ELSES_CUE
# the text opening with the writer's description and name, without 我是: 东方街道新风小区住户X，住3栋…
_OPENING_INTRO = re.compile("^[^，,。；;！？!?\n被]{2,30}(?:住户|业主|村民|居民|租户)$")  # (not 被投诉人是…)
_OPENING_INTRO_AFTER = re.compile("[，,](?:住|家住|现住|现年|男|女|身份证|联系电话|电话)|。")
# modal verbs: after a cue, a surname's character followed by one of them is no name (代表方|需要…)
_MODAL_AFTER = re.compile("能否|能够|可以|可否|应该|应当|是否|需要|必须")
# the writer naming themself: 我叫X, 本人X; 我是…残疾人叫X
_CALLED_BEFORE = re.compile("(?:我叫|本人叫?)$")
_CALLED_AFTER_INTRO = re.compile("(?:我|本人)是[^，,。！？!?]{0,10}叫$")
# the writer's name a sentence on from 我是…: 我是城西社区村民，名叫X
_SELF_NAMED_AFTER = re.compile(
    "(?:(?:我|本人)是[^。！？!?；;]{0,30}|^[ \u3000]*我|[。！!\\n][ \u3000]*我)[，,]\\s?(?:名叫|叫做?|姓名)[：:]?$")
# the writers naming themselves: 我们张三、李四…; 我们是…的农民工，分别是：X
_WE_BEFORE = re.compile("(?:^|[^他她你])我们$|(?:我们|本人|我)是[^！？!?]{0,40}分别是[：:]?$")
# a signature's label right before a name (names of a run written with no separator are split by _SIGNED_RUN)
_SIGNED_BEFORE = re.compile(
    "(?:(?:签名|签字|联名人|申请人|请求人|执笔人)[：:]?|(?:(?<![人法大])代表|(?<!法定)代表人|报告人|市民)[：:]|真名叫)"
    "[ \u3000]?$")
# the writer's contact number right after the name (not after an official's: 村主任张三电话…)
_CONTACT_AFTER = re.compile(
    "[ \u3000]?(?:[（(][^）)]{0,8}[）)])?[ \u3000]?(?:[（(：:，, ]?[ \u3000]?(?:联系电话|联系方式|电话号码|电话|手机)"
    "(?=[：:（(）)0-9*＊×xX \u3000]|$)|(?:[*＊]{6,}|1[3-9][0-9]{9})[ \u3000*＊]*$)")
# a masked number right after a name in the letter's closing half, the name opening a line or following a stop or
# another's masked number: one of the letter's signers
_MASKED_NUMBER_AFTER = re.compile("[ \u3000]?[*＊]{6,}")
_BEFORE_SIGNER = set("。！!？?*＊\n）) \u3000")
# …but not a boss's or a salesman's number: 老板许某（电话…）
_ROLE_BEFORE_CONTACT = re.compile("(?:老板|经理|负责人|包工头|法人|代表|操盘手|业务员|客服|销售|顾问|师傅)[：:]?$")
# before 集团, what makes it a state-owned group whose heads are cadres (中国…集团, 省建工集团, A市交通集团)
_STATE_GROUP_BEFORE = re.compile("中国|中央|国家|国有|国资|省|市|县")
# the owner or boss of the firm a message is about (开发商法人代表X, 老板X), the officer of its case (办案警官X)
_OWNER_BEFORE = re.compile(
    "(?:法人|法定代表人|法人代表|实际控制人|实控人|董事长|总经理|老板|包工头|被执行人|老赖|经营者|负责人|股东"
    "|办案警官|办案民警|主审法官|承办法官)(?:是|为)?$")
# a named person's part not yet decided: the default (_default_party) is read once the lists have passed theirs on
_NO_PART = ""
# a message that accuses or complains of something: its named persons with no part of their own are the accused
# (narrower than titles.yaml's accused_cues, which mark the person next to them: 威胁, 殴打 … alone make no accusation;
# a request to investigate does: 请予查处, 彻查, 严查)
_ACCUSING = re.compile("举报|投诉|违法|违规|贪污|索贿|受贿|侵占|诈骗|非法|查处|彻查|严查")
# in the clause before a name: a relative of someone, or the one given something (给了, 让), wronged or owed: the
# wrong's object, beneficiary or victim, not its doer
_OBJECT_BEFORE = re.compile(
    "亲戚|儿子|女儿|妻子|丈夫|老婆|老公|侄子|侄女|外甥|女婿|儿媳|弟弟|哥哥|姐姐|妹妹|父亲|母亲|亲属"
    "|给了|分给|给予|让|为自己|受害|拖欠|保障")
# a name between list separators (、X、, ，X，): one of a list of names, whose part the message does not say
_LIST_SEPARATOR = re.compile("[、，,]")
# before a numbered list of the letter's signers (业主代表：1甲、2乙…), and the end of the text after its last item
_SIGNERS_BEFORE = re.compile(
    "(?:代表|署名|签名|签字|联名|业主有|村民有|居民有)[^。！？]{0,3}[0-9]{1,3}[.．、]?[ \u3000]?$")
_SIGNED_LIST_END = re.compile(
    "[\u4e00-\u9fff]{2,4}[ \u3000。.？?]*(?:(?:19|20)[0-9]{2}[年.\\-/][0-9年月日.\\-/]*)?[ \u3000。.]*")
# a person's sex right after the name (X，男，…): a writer or a victim describing themself, not one complained about
_SEX_AFTER = re.compile("[，,、 ]?[男女][，,、 ]")
# the longest description of one writer of a list of writers described by their sex, before the next one's name
_DESCRIBED_ITEM_SPAN = 90
_SENTENCE_END = re.compile("[。！？!?\n]")
# the writer's own people named as such (我的朋友X, 我爸叫X, 本人委托X): on the writer's side, not accused (but a
# partner, 我与X合伙…, may be the one complained about)
_WRITERS_OWN_BEFORE = re.compile(
    "(?:(?:我|本人)的?亲?(?:朋友|好友|同事|战友|同学|亲戚|家人|父亲|母亲|爸爸|妈妈|爸|妈|哥哥|姐姐|弟弟|妹妹|丈夫|妻子"
    "|老公|老婆|儿子|女儿|孩子|爷爷|奶奶|外公|外婆)(?:叫|名叫|是)?|(?:我|本人)委托)[：:，,]?$")
# a person addressed or thanked (尊敬的X书记, 感谢X): no one accused
_POLITE_BEFORE = re.compile("(?:尊敬的|敬爱的|致|感谢|谢谢)[^，。！？]{0,4}$")
_COMPLAINT = re.compile("投诉|举报|控告|检举|反映|维权|讨要|追讨")
# thanks before a person, or what an official does in public after the name: no blame in that mention
_THANKS_BEFORE = re.compile("(?:感谢|谢谢|感激|感恩|致敬|表扬)[^，。！？!?；;]{0,14}$")
_SAYS_NEUTRAL = re.compile(
    "^[^，。！？!?；;]{0,8}?(?:出席|讲话|主持|回应|强调|批示|指出|接见|关心|关怀|重视|部署|带领|颁奖|考察)")
# what a county's or a city's leader does in public, news to a grassroots letter (市委书记X亲自率领…, 省委副书记X宣布…);
# a village's or a town's cadre doing it is often the wrong complained of (村主任X率领几十人把房子拆了)
_LEADERS_ACT = re.compile("^[^，。！？!?；;]{0,8}?(?:率领|召集|宣布|指示)")
_LEADERS = ("county", "city_or_above")
# a complaint's verb right before the person's role: 举报村主任X宣布… accuses whatever X is said to do
_COMPLAINED_OF = re.compile("(?:举报|控告|检举|投诉|状告|揭发|反映)$")
# an official the writer appeals to (希望…局长看到, 恳请X书记督促) or has reported to (向您和X主任反映): the
# letter's addressee, not the accused, when only other addressees stand between the appeal and the person's role
# (恳请纪委调查村主任X appeals about X)
_APPEAL_BEFORE = re.compile("(?:希望|恳请|恳求|请求|盼望|期盼|期望|呼吁|拜托)(?=[^，。！？!?；;]{0,12}$)")
# what may stand between an appeal and the person appealed to: other addressees (您和…), places (G8县, A3),
# governments and the official's remit (分管国土的)
_ADDRESSEE_WORDS = ("您", "你", "您们", "你们", "所在", "各位")
_PLACE_WORD = re.compile("[A-Z][0-9]{0,2}[省市县区镇乡]?|[\u4e00-\u9fff]{1,3}[省市县区镇乡]"
                         "|[\u4e00-\u9fff]{0,4}(?:政府|党委|市委|县委|区委|人大|政协)")
_IN_CHARGE_OF = re.compile("(?:分管|主管|管|负责)[\u4e00-\u9fff]{1,6}$")
_REPORTED_TO = re.compile("向(?=[^，。！？!?；;]{0,12}$)")
_REPORT_AFTER = re.compile("^[^，。！？!?；;]{0,6}?(?:反映|汇报|求助|咨询|报告|递交|信访)")
_SIGNATURE_TAIL = 150  # characters from the end where a writer's name and number stand
# the board's reply naming the writer: “张三”网友：您好
_NETIZEN_REPLIED = re.compile("[”\"」]?网友[：:，,]")
# what only the writer does after their name: signs, swears to the truth of the report
_SIGNS_AFTER = re.compile("(?:老师|医生|同志|先生|女士)?[ \u3000]?"
                          "(?:执笔|敬上|敬呈|谨上|拜上|泣书|叩首|实名举报|实名反映)")
# a name that ends the text, after a stop or a masked number: the signature (…谢谢！*****张三)
_SIGNATURE_LAST = re.compile("[ \u3000。.！!]*$")
_SIGNATURE_BOUNDARY = re.compile("[。！!？?*＊\\n][ \u3000]*$")
# visitors counted after the first's name: 群众X等12人来访, X等人来访
_VISITORS_AFTER = re.compile("(?:等[0-9一二三四五六七八九十几多]*人)?(?:来访|来信|来电|联名)")
# a form's name field, in a form of the writer (来访登记表 姓名：X)
_FORM_NAME_BEFORE = re.compile("(?<!被举报人)(?<!被反映人)(?<!被投诉人)(?<!被告人)(?:姓名|名字)[：:]\\s?$")
_FORM_OF_WRITER = re.compile("来访|来电|来信|登记表|举报|投诉|信访|反映")
# a salutation: the person named opens the letter (尊敬的县委张书记：, 致李局长：, 王主任，您好)
_SALUTATION_BEFORE = re.compile(
    "(?:(?P<greeting>(?:尊敬|敬爱|亲爱)的)|(?:^|[\\n。！？!?])[ \u3000\t]*致?)(?P<body>[^\\n。！？!?，,：:]{0,14})$")
# words that make a line's opening a report, not a greeting (举报镇长王某：…)
_NOT_GREETING = re.compile("举报|反映|投诉|控告|检举|揭发|状告|我|他|她|们")
# what closes a salutation after the name or title: a colon or 您好, after the others addressed with it
# (张书记并李县长：, 县委书记、王县长：)
_SALUTATION_AFTER = re.compile(
    "(?:同志|阁下)?(?:[并、][^：:，,。\\n]{1,20})?(?:[：:]|[，,]?[ \u3000]?(?:您好|你们好|您们好))")
# a clause after a name whose wrong is not the name's: 家/之 (X家的…), 的 (X的父亲…; but 名叫X的人用公款…), the passive
# 被 (X被殴打: the victim; but 被告人, 被举报)
_NOT_AGENT_AFTER = re.compile("的(?!人)|家|之|被(?!告|举报|反映|调查)")
# between the names of a list, and after its last or a middle item: the writers' list may use commas, the accused's
# only 、 or 和 (a comma after an accused's name may start a sentence about someone else); co-signers may each follow
# their masked number (甲************ 乙************)
_LIST_GAPS = {"petitioner": re.compile("[ \u3000]?(?:[、，,丶]|[*＊]{6,}[，,、]?)[ \u3000]?"),
              "accused": re.compile("[、丶和与及]")}
_LIST_ITEM_END = re.compile("[ \u3000]?(?:[、，,丶。；;！!*＊]|等|$|[ \u3000]*\\n|[ \u3000]?(?:19|20)[0-9]{2}"
                            "|[两二三四五六七八九十几]人|[两二三四五六七八九十几]位|俩|夫妇|夫妻|一家"
                            "|系(?:一家|夫妻|夫妇|父子|父女|母子|母女|兄弟|姐妹))")
# a name between 业主 / 住户 / 户主 and a stop
_RESIDENT_NAMED = re.compile("(?:业主|住户|户主)(?P<name>[\u4e00-\u9fff]{2,3})(?=[。，,；;（(：:]|$)")
# a school or a hospital right before a name that a stop ends: its teacher or doctor (城南中学罗金，)
_INSTITUTION_BEFORE = re.compile("(?:中学|小学|学校|医院|卫生院)$")
_CLAUSE_STOPS = set("，,。、；;")
# a school or a hospital right after a "name" makes it the institution's (原名杨柳小学)
_INSTITUTION_AFTER = re.compile("小学|中学|大学|学校|学院|医院|幼儿园|卫生院|安置小区|安置区|安置房|动物园")
# what follows a place's or an estate's name (not a title: 黄柳村 but not 黄柳村长)
_PLACE_ELSEWHERE = re.compile("(?:村(?![长委主支干书会民组])|镇(?![长委党政干纪])|乡(?![长委党政干纪亲])"
                              "|街道|社区|小区|物业"
                              "|大道|花园|公寓|广场|路段|路口|周边|一带|安置区|安置小区|铁路|高速"
                              "|水库|水渠|水利工程|灌区|电站|大桥)")
# a numbered road, ring road or phase as a "given name" (南|二环, 东|三路)
_NUMBERED_PLACE = re.compile("[一二三四五六七八九十][环路街巷期栋号楼]")
# punctuation right after a name
_STOP_AFTER_NAME = set("（(，,。、；;：:")
# a clause from a position: up to the next stop (what jieba's part-of-speech model reads around a name)
_CLAUSE_FROM = re.compile(r"[^，,。、；;：:！!？?（）()\s]{0,10}")
# the parties of a case in a judgment: a name of three characters follows them even when its first two make a word
_LEGAL_ROLES = frozenset(("被告人", "原审被告人", "上诉人", "被上诉人", "犯罪嫌疑人", "被害人", "证人",
                          "同案犯", "辩护人", "行贿人", "受贿人", "被举报人", "申请人", "被申请人", "当事人",
                          "原告", "被告"))
# verbs of a charge or a statement that follow a defendant's or a witness's name in a judgment
_MISCONDUCT_AFTER_NAME = re.compile("利用|收受|担任|伙同|挪用|索取|索要|贪污|侵占|骗取|套取|冒领|涉嫌|违规|私自|擅自|"
                                    "非法|多次|先后|供述|证实|辩称|归案|带人|强行|殴打|纠集|强占|霸占|威胁|辱骂|"
                                    "克扣|截留|虚报|私分|侵吞")
# a masked place (A4区) or 由/经 right before a name of three characters that ends where a title starts
_CHIEF_NAME_BEFORE = re.compile("(?:[A-Z][0-9]{0,2}[区县市镇乡]|由|经)(?P<name>[\u4e00-\u9fff]{3})$")
# what may end a name of three characters whose third is a common function word: a space, a stop, the end
_NAME_END_AFTER = re.compile("[\u4e00-\u9fff](?:[ \u3000\t\n（(，,。、；;：:]|$)")
# an estate or a project right after a "name" after a title: 区长|房某景|湾项目 is the district's estate
_ESTATE_AFTER_TITLE = re.compile("[湾园苑城郡庭府]?(?:项目|小区|楼盘|花园)")
# what follows a well-known person's name in the name of something called after them: 聂耳|大道, 莫扎特|小学,
# 普希金|酒店, …|式 (but not 纪念馆 or 故居, which are the person's); at one mention, it is so at all
_NAMED_AFTER_PERSON = re.compile("[东南西北中大]?(?:路|街|道|巷)|[镇乡村区县市厅式]|大桥|广场|公园|大厦|公寓|小区"
                                 "|花园|世家|体校|体育|管理区|酒店|宾馆|饭店|餐厅|烧烤|企业|公司|集团|生物|超市|商场"
                                 "|剧院|影城|中学|小学|大学|学校|学院|医院|幼儿园|卫生院|机场|码头|水库|电站|保护区|基地")
# characters that never end a given name, whatever follows them (张三说，…)
_NEVER_THIRD = set("的了们等说是着过吗呢吧啊呀和与及或也都就在被把将对从给让讲称问答")
# a name in brackets right after a role: 业务人员（汤某）, 负责人(李四)
_NAME_AFTER_ROLE = re.compile("(?:人员|员工|业务员|负责人|经理|主管|老板|师傅|司机|老师|医生"
                              "|民警|警官|律师|法官|会计|出纳"
                              "|焊工|电工|工人|保安|保洁|厨师|店员|服务员|销售|客服|护士|驾驶员|施工员|技术员)"
                              "[（(](?P<name>[\u4e00-\u9fff]{2,3})[）)]")
# a board's reply to a writer by name: “张三”网友
_NETIZEN_NAMED = re.compile("[“\"「](?P<name>[\u4e00-\u9fff]{2,3})[”\"」]网友")
# a writer's handle in quotation marks right after 网友 or 博主, or before 网友: 网友“玉某士”, “jiang”网友,
# kept as written
_NETIZEN_HANDLE = re.compile("(?:(?<=网友)|(?<=博主))[“\"「](?P<name>[^”\"」\\s，。、；：！？,.;:!?]{1,12})[”\"」]"
                             "|[“\"「](?P<before>[^”\"」\\s，。、；：！？,.;:!?]{1,12})[”\"」](?=网友)")
# a name in quotation marks after a word that announces a name
_QUOTED_NAME = re.compile("(?<!行业)(?<!俗称)(?<!简称)(?<!统称)(?:叫|名为|名字|真名|化名|姓名)[是为：:]?[“\"「]"
                          "(?P<name>[\u4e00-\u9fff]{2,4})[”\"」]")  # not 行业叫“白图”
# after such a quoted word, nouns that make it an organisation's or a place's name: 名为“金龙”的公司
_ORG_NOUN_AFTER = re.compile("的?(?:公司|集团|企业|商城|平台|店|厂|小区|学校|机构|网"
                             "|品牌|项目|村|社区|组织|协会|合作社|群)")
# what follows a firm's name: its employees, shops, courses, or "limited company" a few characters on
_FIRM_TAIL = re.compile("员工|职工|门店|英语|教育|培训"
                        "|[^的之与和及、，。；;：:！？!?\\s将把被给对向从在是其（()）]{0,4}?(?:有限公司|集团)")


# what follows a name glued to 叫 (叫龙晨|的村民)
_AFTER_CALLED = set("的，,。；;、（( ")
# a role in brackets right after a name, for roles that are no titles: 许萍（宏达集团法人）
_ROLE_IN_BRACKETS = re.compile("[（(][^（()）。，]{0,12}(?:法人|法定代表人|董事长|总经理|实际控制人|实控人|股东|老板|"
                                "推广人|介绍人|中间人|经办人|担保人|业务员)[）)]")
# the number of an item in a numbered list, right before the item: 代表：1曹某、2张某某、… 31.刘某
_NUMBERED_ITEM = re.compile("(?:^|(?<=[：:、，,；;。？?\\s]))[0-9]{1,3}[.．、]?[ \u3000]?(?=[\u4e00-\u9fff])", re.M)
_SIGNATURE = re.compile("(?:^|(?<=[。！!？?\\s：:0-9，,、]))(?P<name>[\u4e00-\u9fff]{2,3})[ \u3000]?"
                        # …X(*****)2019-3-15: a masked telephone number between
                        "(?:[（(][*＊0-9 \\-]{4,}[）)][ \u3000]?)?"
                        "(?=(?:19|20)[0-9]{2}(?:年[0-9]{1,2}月|[.\\-/][0-9]{1,2}[.\\-/])[^。！？!?]{0,12}$)")
# the writer's signature right after the closing date, at the very end: …2019-11-11刘某华
_SIGNATURE_AFTER_DATE = re.compile("(?:19|20)[0-9]{2}(?:年[0-9]{1,2}月[0-9]{1,2}日?|[.\\-/][0-9]{1,2}[.\\-/][0-9]{1,2})"
                                   "[ \u3000]?(?P<name>[\u4e00-\u9fff]{2,3})[。.]?\\s*$")
# a name standing alone after the last sentence, at the very end (…得到制裁。刘海燕): the writer's signature when
# jieba's part-of-speech model reads it as a name
_SIGNATURE_AT_END = re.compile("(?<=[。！!？?])[ \u3000]*(?P<name>[\u4e00-\u9fff]{2,3})[。.]?\\s*$")
# names signed one after another with nothing between them, after 签字：/签名：(赵刚钱丽孙嘉怡…)
_SIGNED_RUN = re.compile("(?:联名签字|联名签名|签字|签名)[：:][ \u3000]?"
                         "(?P<run>[\u4e00-\u9fff]{6,}(?:[A-Z][0-9]{0,2}[\u4e00-\u9fff]+)*)")
_CHINESE_RUN = re.compile("[\u4e00-\u9fff]+")
# a name in brackets right after 我 or a relative: 我（X）和我的丈夫（Y）
_NAME_IN_BRACKETS_AFTER = re.compile("(?P<who>我|本人|丈夫|妻子|老公|老婆|爱人|儿子|女儿|父亲|母亲|哥哥|姐姐|弟弟|妹妹)"
                                     "[（(](?P<name>[\u4e00-\u9fff]{2,3})[）)]")
# a village group's 组 (not 小组, 班组) and what follows a name right after it: 我们组X家, 南塘组X多年前
_AFTER_GROUP = re.compile("(?<=[\u4e00-\u9fff])(?<![小班党])组")  # not 党组 (文件|关于 …)
_GROUP_NAME_END = re.compile("[，,。、；;（(]|家|户|多年|于|在|系|是")
# the writer's name at the very end, after a petitioner's cue and their unit: 举报人：某厂 X
_END_SIGNATURE = re.compile("(?:举报人|反映人|投诉人|留言人|来信人|求助人)[：:，,]?"
                            "(?:[^。！？!?\n：:]{0,10}?(?:[ \u3000]|(?<=[厂村组市县区镇乡司局校院所部店社队])))?"
                            "(?P<name>[\u4e00-\u9fff]{2,3})[。.]?\\s*$")
# what follows a project's name elsewhere in the text: 杜花路项目, 杜花路施工方
_PROJECT_AFTER = re.compile("项目|施工方|施工单位|片区|工地")
# "and the others", "they", "the couple" right after a name: only persons are so followed
_GROUP_AFTER = re.compile("等人|他们|她们|夫妇|夫妻|一伙")
_NEXT_PLACE = re.compile("[\u4e00-\u9fff]{1,3}(?:村|社区|居委会)")
_NEXT_TOWN = re.compile("[\u4e00-\u9fff]{1,3}(?:镇|乡|街道|村|社区|居委会)")
# a name right after a boundary and right before ，男 / ：女 / 先生 / 女士 (resumes, notices, letters)
_ALONE_BEFORE_SEX = re.compile(
    "(?:^|(?<=[，,。；;：:！？!?\n\\s（(“、*＊.．])|(?<=我)|(?<=本人))(?P<name>(?!我|本人)[\u4e00-\u9fff]{2,4})"
    "(?=[，,：:]\\s?[男女][，,。；;\\s）)]|先生|女士|[，,]\\s?(?:今年)?[0-9]{1,3}岁|[，,]\\s?(?:家住|住[^房院])|[，,]\\s?联系电话)")
# a byline: the cue, then one or more names written together up to its end (（记者柯蔓邵云帆）, 记者林岚报道)
_BYLINE_CUES = ("记者", "通讯员", "实习生", "编辑")
# an idiom of bureaucratic rudeness often written right after a name or a title (门难进、脸难看、事难办): its 门 is
# neither the surname 门 nor a given name's character
_GATE_IDIOM = "门难进"
# what opens a news byline right before its 记者 or 通讯员: a bracket, 本报, …讯, …电 (新华社…电)
_BYLINE_OPENS = re.compile("(?:[（(]|本报|[讯电]|[（(]?特约)$")
_BYLINE_RUN = re.compile("[\u4e00-\u9fff]{2,12}?(?=[）)/\\s、，,]|报道|发自|实习生|通讯员|摄影|$)")
# a name opening the text or a line, right before a colon: an interview's or a column's speaker (林岚：我认为…)
_SPEAKER_AT_LINE_START = re.compile("(?:^|(?<=[\n】]))(?P<name>[\u4e00-\u9fff]{2,3})(?=[：:])")
# characters no name contains, even one the segmenter glued before ，男 (林金和 keeps its 和)
_NEVER_IN_NAME = set("的了是在吗呢吧啊呀我你他她它们这那某个说")
# a firm's name continuing after a word: 夏荣|大宗商品平台有限公司
_COMPANY_SUFFIXES = "股份有限公司|有限责任公司|有限公司|股份公司"
# what follows a person's name, never a project's or a firm's: 陈立军是…, 陈立军说, 陈立军本人
_PERSON_PREDICATE = re.compile("是|说|称|表示|承认|本人|等人|夫妇|一家")
_FIRM_ELSEWHERE = re.compile(f"[\u4e00-\u9fff]{{0,10}}?(?:{_COMPANY_SUFFIXES}|集团公司)")
# an estate's or a square's word, or a building's number, a few characters on: 金某某|园9栋, 万某某|财富广场
_ESTATE_NEAR = re.compile(
    "(?P<gap>[\u4e00-\u9fff]{0,3}?)(?:小区|花园|家园|广场|公寓|大厦|名都|[0-9０-９]{1,3}(?:栋|幢|号楼))")
_COMPANY_NEAR = re.compile(f"{_COMPANY_SUFFIXES}|集团|事务所")
_BEFORE_SERVING = set("今现曾兼历后并先改升调转继连留时月年日起至及和、，")
# jieba's frequency above which a two-character word tagged as a name is a common word (安静, 宁静, 文明), and
# above which a noun, verb or adjective after a surname character is that word, not a given name (欧|大厦)
_FREQUENT_NAME_WORD = 50
# left cues that join or govern anything, not only persons
_WEAK_LEFT_CUES = {"和", "与", "及", "、", "对", "将", "让", "找", "公司"}
# surnames that are far more often a word in a petition (钱 money, 高 high, 曾 once, 左 left): a bare name
# with one of them needs a cue word next to it
_WORD_SURNAMES = set("钱高方常全查左右章盖莫信楼牛路于但那向和任曾包车南敬房初付安商祝")
# surnames that after a title or a cue are far more often an adverb or a modal verb (教师都会…, 当事人应拿…)
_ADVERB_SURNAMES = set("都由应但那可能要来全")
_FREQUENT_GIVEN_WORD = 400
_FREQUENT_HEAD_WORD = 300
_NOUN_VERB_TAGS = {"n", "vn", "v", "a", "ad", "an", "d", "l", "i", "s"}  # s: 路上, 门口, 家里
# after a title, a word jieba tags as a name this often is the word, not the name (组长|盖章|后)
_FREQUENT_NAME_AFTER_TITLE = 150


def _alternation(words: tuple[str, ...] | set[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


_LEFT_CUE_RE = re.compile(f"(?:{_alternation(_PERSON_LEFT_CUES)})$")
_STRONG_LEFT_CUE_RE = re.compile(f"(?:{_alternation(set(_PERSON_LEFT_CUES) - _WEAK_LEFT_CUES)})$")
_RIGHT_CUE_RE = re.compile(_alternation(_PERSON_RIGHT_CUES))
_STRONG_CUE_END_RE = re.compile(f"(?:{_alternation(_STRONG_CUES)})$")
_PAREN_TITLE = re.compile(r"^[（(]([^（）()]{2,20})[）)]")
# a kin or a dependant after a title and 的: the person before 是 is the title-holder's relative, not the holder
_KIN_AFTER_TITLE = re.compile("的(?:亲戚|亲属|家属|儿子|女儿|妻子|老婆|丈夫|侄子|侄女|外甥|弟弟|哥哥|姐姐|妹妹"
                              "|女婿|儿媳|小舅子|舅舅|表弟|表哥|堂弟|堂哥|朋友|同学|司机|情人|亲信|马仔)")
_ATTACH_TRIGGER = re.compile("(?:系|任|担任|时任|现任|曾任|原任|原系|原为|作为|身为|是)$")


def _clause_after(text: str, e: int) -> str:
    """The rest of the clause after position e: up to the next stop, at most 30 characters."""
    stops = [k for k in (text.find(ch, e) for ch in "，。；！？,;!?\n") if k >= 0]
    return text[e:min(stops + [len(text), e + 30])]


def _clause_before(text: str, s: int) -> str:
    """The clause before position s: back to the last stop, at most 30 characters."""
    start = max([text.rfind(ch, 0, s) for ch in "，。；！？,;!?\n"] + [s - 31]) + 1
    return text[start:s]


def _followed_elsewhere(text: str, word: str, pattern: re.Pattern[str]) -> bool:
    """Whether some occurrence of ``word`` in the text is followed by ``pattern`` (福瑞斯|员工, 黄柳|村)."""
    return any(pattern.match(text, k + len(word)) for k in occurrences(text, word))


def _named_after_institution(text: str, s: int, e: int) -> bool:
    """text[s:e] stands right after a school's or a hospital's name and before a stop: its teacher or doctor
    (城南中学罗金，; not 东塘小学万芙校区)."""
    return _INSTITUTION_BEFORE.search(text, max(0, s - 3), s) is not None and text[e:e + 1] in _CLAUSE_STOPS


def _school_named_after(text: str, end: int) -> bool:
    """One or two more characters of a name and a school's or a kindergarten's word follow (钟瀛|格林|幼儿园): what
    stands before is the start of the school's name (not 在|小学, 的|医院: a function word is no part of a name)."""
    for gap in (1, 2):
        chars = text[end:end + gap]
        if (len(chars) == gap and _INSTITUTION_AFTER.match(text, end + gap)
                and all("\u4e00" <= ch <= "\u9fff" and ch not in _NOT_THIRD_FULL and ch not in _NOT_IN_NAME
                        for ch in chars)):
            return True
    return False


def _posseg_words(run: str) -> list[tuple[str, str]]:
    """jieba's part-of-speech cut of ``run``: (word, tag) pairs."""
    import jieba.posseg  # loaded on first use (0.6 s): most texts never need it

    return [(pair.word, pair.flag) for pair in jieba.posseg.cut(run)]


def _posseg_name(window: str, start: int, length: int) -> bool:
    """Whether jieba's part-of-speech model reads window[start:start + length] as one personal name (nr)."""
    pos = 0
    for word, flag in _posseg_words(window):
        if pos == start:
            return len(word) == length and flag == "nr"
        pos += len(word)
        if pos > start:
            return False
    return False


def _chains(gap: str) -> bool:
    """Whether two titles with this text between them belong to one person (…副主任、青石县委原书记张三)."""
    if gap in ("", "兼", "、", "和", "及"):
        return True
    return len(gap) <= 16 and gap[0] in "、，," and not any(ch in gap[1:] for ch in "，。；：！？、,;:()（）")


def _latin_name_end(text: str, p: int) -> int | None:
    """End of a name in Latin letters starting at p, right after a title or a cue (导演JohnSmith), or None."""
    m = _LATIN_NAME.match(text, p)
    return m.end() if m is not None and len(m.group(0)) >= 3 else None


@dataclass
class TitleMention:
    title: str
    role: str
    level: str
    start: int  # of the role (body + title)
    title_start: int
    end: int
    named: bool = False


@dataclass
class PersonDraft:
    name: str | None
    role: str | None = None
    level: str = "unknown"
    party: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    title_mentions: list[TitleMention] = field(default_factory=list)
    strong: bool = False
    place: str | None = None
    known: bool = False  # a well-known person's name (lexicon_known_persons.txt)


class PersonFinder:
    """Finds persons in a text; built once (regexes compiled once) and called per text."""

    def __init__(self, lexicon: Lexicon, tags: dict[str, str], freqs: dict[str, int] | None = None):
        self.lexicon = lexicon
        self.tags = tags
        self.freqs = freqs or {}
        titles = sorted(lexicon.titles, key=len, reverse=True)
        self.title_re = re.compile("|".join(map(re.escape, titles)))
        bodies = sorted(lexicon.bodies, key=len, reverse=True)
        self.max_body = max(map(len, bodies))
        self.surnames = lexicon.surnames
        self.compound = lexicon.compound_surnames
        self.common = lexicon.common_surnames
        cues = sorted(lexicon.petitioner_cues, key=len, reverse=True)
        # 我叫张三, 举报人：李某, 举报人姓名：王五, 举报人：姓名：赵六; a cue of three characters may be typed with
        # spaces between them (举 报 人：X)
        spaced = ["[ \u3000]?".join(map(re.escape, c)) if len(c) == 3 else re.escape(c) for c in cues]
        self.petitioner_re = re.compile(
            f"(?<!被)(?:{'|'.join(spaced)})(?:[：:]?(?:是|叫|为|姓名))?(?:[：:][ \u3000]?|[，, ])?")  # not 被举报人
        self.accused_re = re.compile("|".join(map(re.escape, sorted(lexicon.accused_cues, key=len, reverse=True))))
        self.other_left = tuple(sorted(lexicon.other_cues, key=len, reverse=True))
        self.cue_re = re.compile(f"(?:{_alternation(_STRONG_CUES)})[：:]?")
        self.cue_is_re = re.compile(f"(?:{_alternation(_STRONG_CUES)})(?:是|为)")
        self._items_cache: tuple[str | None, frozenset[int]] = (None, frozenset())
        known: dict[str, list[str]] = {}  # well-known persons by their first two characters, longest first
        for name in sorted(lexicon.known_persons, key=len, reverse=True):
            known.setdefault(name[:2], []).append(name)
        self.known = known

    # -- titles ---------------------------------------------------------------------------------------------
    def find_titles(self, text: str, token_ends: set[int], token_start_of: dict[int, int]) -> list[TitleMention]:
        out = []
        starts = sorted(set(token_start_of.values()))
        taken_until = 0
        candidates = []
        for head in starts:
            candidates.append(head)
            # inside a word after a body or 原/副/名誉: 东关镇|党委书记 glued as 东关|镇党委书记, 名誉|会长; or sharing
            # the body's last character: 派出所长 (派出所 + 所长), 公安局长
            k = head + 1
            while k < len(text) and token_start_of.get(k) == head:
                if text[head:k] in self.lexicon.bodies or text[head:k] in _TITLE_MODIFIERS \
                        or (text[k] in "所站局" and text[head:k + 1] in self.lexicon.bodies) \
                        or text[k] in "镇乡县市村区省组":  # 城关镇|长, 屋组|组长: the place's suffix starts the title
                    candidates.append(k)
                k += 1
        for p in sorted(set(candidates)):
            if p < taken_until:
                continue
            m = self.title_re.match(text, p)
            if m is None:
                continue
            title = m.group(0)
            s, e = m.span()
            if title in ("书记",) and text[e:e + 1] == "员":
                continue  # 书记员 is a court clerk, a title too but of no level
            if text[e:e + 1] in ("局", "站", "所", "室", "部", "处", "办") and title in ("主任", "书记", "会计"):
                continue  # 会计室, 主任办
            if e not in token_ends and e < len(text) and self.surname_at(text, e) is None:
                continue  # inside a word: 人大常委会
            if e not in token_ends and token_start_of.get(e) == token_start_of.get(e - 1) == s \
                    and self._word_at(text, s):
                continue  # 会计|师 of 会计师事务所: the title is the start of a longer word
            if title[0] in "区县市" and title[-1] == "长" and p > 0 and text[p - 1].isascii() and text[p - 1].isalnum():
                continue  # A市|长沙县, C2区|长乐…: a masked place's suffix and the next word, no 市长 or 区长
            if title.startswith("州长") and p > 0 and "\u4e00" <= text[p - 1] <= "\u9fff" and text[p - 1] != "州":
                continue  # 广州|长隆, 郑州|长途: a city's 州 and the next word, no 州长 (a prefecture's is 湘西州州长)
            if title[0] in "镇乡" and title[-1] == "长" and _NEXT_PLACE.match(text, e) and p > 0 \
                    and (token_start_of.get(p) != p or self._place_name_before(text, p, token_start_of)):
                continue  # 黄岭镇|长安村: 镇长 spans two places' names, the next one ending in 村 or 社区
            if title in ("区长", "县长", "市长") and _NEXT_TOWN.match(text, e) and p > 0 \
                    and (token_start_of.get(p) != p or self._place_name_before(text, p, token_start_of)):
                continue  # 枫溪区|长禾镇: 区长 spans a district's and a town's names
            taken_until = e
            level, role_start = self.resolve_level(text, s, title, token_ends, token_start_of)
            out.append(TitleMention(title, text[role_start:e], level, role_start, s, e))
        return out

    def _lone_surname(self, text: str, k: int) -> bool:
        """A common surname character standing alone after a clear start (的, a stop): 看诊的林|登高医生."""
        ch = text[k]
        return self.surname_at(text, k) == ch and ch in self.common and ch not in _FUNCTION_SURNAMES \
            and ch not in _WORD_SURNAMES and ch not in _NEVER_BARE_SURNAMES \
            and (k == 0 or text[k - 1] in "的，,。、：: ")

    def _surname_after_body(self, text: str, k: int) -> bool:
        """A surname character, even one that is also a word, right after a body's name: 县委|曾|…|书记."""
        ch = text[k]
        return self.surname_at(text, k) == ch and ch in self.common and ch not in _FUNCTION_SURNAMES \
            and ch not in _NEVER_BARE_SURNAMES and self._body_ends_at(text, k)

    @staticmethod
    def _next_in_list(text: str, s: int, end: int, names: dict) -> bool:
        """Between 、 after a found name and 、 or a stop: an item of a list of names."""
        return s > 0 and text[s - 1] == "、" and any(e2 == s - 1 for _, e2 in names) \
            and text[end:end + 1] in ("、", "，", ",", "。", "；", " ", "", "等") \
            and all("\u4e00" <= ch <= "\u9fff" and ch not in _NOT_IN_NAME for ch in text[s:end])

    @staticmethod
    def _group_named(text: str, s: int, end: int) -> bool:
        """，毛清道等人冒用…: "and the others" after a clause start names persons (在岳麓山等人 is "waiting at")."""
        return _GROUP_AFTER.match(text, end) is not None and (s == 0 or text[s - 1] in "，,。；;：:、！？!?\n")

    def _native_of(self, word: str) -> bool:
        """安徽人, 湖南人: a place and 人 — someone from there, not a name."""
        return word[-1] == "人" and self.tags.get(word[:-1], "").startswith("ns")

    @staticmethod
    def _named_alone(cue: str, text: str, end: int) -> bool:
        """我叫 / 名叫 / 姓名 and a stop right after the name: whatever its last character, a name (我叫邓秀湖，)."""
        return ("叫" in cue or "姓名" in cue) and text[end:end + 1] in ("，", ",", "。", "；", ";", " ", "（", "(", "")

    def _person_word_before(self, text: str, p: int) -> bool:
        """A title (副书记) or a word that announces a person (实控人, 村民) ends right at p."""
        return any(text[p - n:p] in self.lexicon.titles for n in range(2, min(6, p) + 1)) \
            or _STRONG_LEFT_CUE_RE.search(text, max(0, p - 6), p) is not None \
            or _STRONG_CUE_END_RE.search(text, max(0, p - 6), p) is not None  # 化名段ze

    def _name_before(self, text: str, k: int, begin: int, token_start_of: dict[int, int]) -> int:
        """Start of the organisation's own name that ends at k: the words before it back to a verb (not a verbal noun:
        建工, 投资 name groups), a preposition, a conjunction, a particle or a pronoun (市民投诉|宏远集团: 投诉 ends the
        name), at most 12 characters."""
        pos = k
        while pos > begin and k - pos < 12:
            start = token_start_of.get(pos - 1, pos - 1)
            if self.tags.get(text[start:pos], "") in ("v", "p", "c", "u", "uj", "ud", "ul", "r") \
                    or not all("\u4e00" <= ch <= "\u9fff" or ch.isalnum() for ch in text[start:pos]):
                break
            pos = start
        return pos

    def _body_ends_at(self, text: str, k: int) -> bool:
        """A body's name (市政府, 派出所) ends right at k."""
        return any(text[k - n:k] in self.lexicon.bodies for n in range(2, min(self.max_body, k) + 1))

    def _place_name_before(self, text: str, p: int, token_start_of: dict[int, int]) -> bool:
        """The token before p could be a place's name (黄岭|镇长安村), not a verb or a preposition (找到|镇长)."""
        k = token_start_of.get(p - 1)
        if k is None or p - k < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in text[k:p]):
            return False
        tag = self.tags.get(text[k:p])
        return tag is None or not tag.startswith(_WORD_TAGS)

    def resolve_level(
        self, text: str, title_start: int, title: str, token_ends: set[int], token_start_of: dict[int, int]
    ) -> tuple[str, int]:
        own = self.lexicon.titles[title]
        begin = title_start
        while begin > 0 and title_start - begin < 30 and text[begin - 1] not in _HARD_STOP:
            begin -= 1
        bodies = []
        for end in range(begin + 1, title_start + 1):  # bodies ending at a word boundary, longest first
            if end not in token_ends and end != title_start:
                continue
            for length in range(min(self.max_body, end - begin), 0, -1):
                word = text[end - length:end]
                if word in self.lexicon.bodies:
                    bodies.append((end - length, end, self.lexicon.bodies[word], word))
                    break
        # the role: the contiguous run of bodies (and 原/副/常务) right before the title
        role_start = title_start
        pos = title_start
        while pos > begin and text[pos - 1] in "原副常务兼时任现前":
            pos -= 1
        for b_start, b_end, _body, _ in reversed(bodies):
            if b_end == pos:
                pos = token_start_of.get(b_start, b_start)
                role_start = pos
        if title.startswith(_ADMIN_CHARS) and own != "unknown":
            return own, role_start
        if not bodies:
            return own, role_start
        b_start, b_end, body, word = bodies[-1]
        if word == "集团" and not _STATE_GROUP_BEFORE.search(text, self._name_before(text, b_start, begin,
                                                                                   token_start_of), b_start):
            # 宏远集团董事长: a private group's chairman has no cadre's level (but 中国…集团, A市交通集团)
            return own, role_start
        if body.kind == "admin":
            level = body.level
        elif body.kind == "subunit":
            level = "township"
        else:  # a department: the admin body in front decides
            admin = [b for b in bodies[:-1] if b[2].kind == "admin"]
            admin_level = admin[-1][2].level if admin else "county"
            if body.level == "unknown" and not admin:
                level = own
            elif admin_level == "county":
                level = "township" if title in self.lexicon.subunit_titles and title not in ("所长", "站长") \
                    else "county_dept"
                if title in ("所长", "副所长", "站长", "副站长", "队长", "副队长"):
                    level = "county_dept" if word in ("局", "委", "办") else "township"
            else:
                level = admin_level
        if level == "unknown":
            level = own
        return level, role_start

    # -- names ----------------------------------------------------------------------------------------------
    def surname_at(self, text: str, p: int) -> str | None:
        if text[p:p + 2] in self.compound:
            return text[p:p + 2]
        if text[p:p + 1] in self.surnames:
            return text[p]
        return None

    def anonymised_at(self, text: str, p: int, token_starts: set[int] | None = None) -> int | None:
        """End of 王某 / 李某某 / 刘某斌 / 王某甲 / 王ＸＸ starting at p, or None."""
        surname = self.surname_at(text, p)
        if surname is None:
            return None
        q = p + len(surname)
        if text[q:q + 1] == "某":
            if surname in _FUNCTION_SURNAMES and text[q + 1:q + 2] and text[q + 1] in "个些种位一项人天年地处":
                return None  # 由某个领导, 于某年, 和某些人: a preposition and "some", not 由某
            end = q + 2 if text[q + 1:q + 2] == "某" else q + 1
            nxt = text[end:end + 1]
            if nxt and nxt in "甲乙丙丁戊":
                return end + 1
            if nxt and nxt in "123456789" and not text[end + 1:end + 2].isdigit() \
                    and not _COUNTED_AFTER.match(text, end + 1):
                return end + 1  # 史某1 (but 潘某某|3户, 韩某某|3人: a count of households or persons)
            if end == q + 2 and nxt and nxt in "一二三四五六七八九十" and _AFTER_NUMBERED_ANON.match(text, end + 1):
                return end + 1  # 王某某一、刘某某三，: people told apart by a numeral, listed or before a stop
            if end == q + 1 and _ANON_AFTER_BAD.match(text[end:end + 3]):
                return None
            # 刘某斌: one more character of the given name, unless a word starts there (王某|收受, 汪某|私建) or
            # the next anonymised name (收货人左某王某: two persons)
            if end == q + 1 and nxt and "\u4e00" <= nxt <= "\u9fff" and nxt not in _NOT_IN_NAME \
                    and nxt not in _NOT_THIRD_FULL and nxt not in "刚钱才挂家户" \
                    and not text.startswith(_GATE_IDIOM, end) \
                    and not (text[end + 1:end + 2] == "某" and nxt in self.surnames) \
                    and not self._word_starts(text, end, token_starts):
                return end + 1  # (骆某|刚回到, 吕某|钱不够, 康某|挂床: "just", "money", a verb, not a given name's;
                # 王某|家的房子, 冯某|户: the person's home or household)
            return end
        if text[q:q + 1] and "\u4e00" <= text[q] <= "\u9fff" and text[q] not in _NOT_IN_NAME \
                and text[q + 1:q + 2] and text[q + 1] in _MASK_CHARS \
                and not (text[q + 2:q + 3].isascii() and text[q + 2:q + 3].isalnum()) \
                and text[q + 2:q + 3] not in _MASK_CHARS \
                and self.tags.get(text[p:q + 1], "nr").startswith("nr"):
            return q + 2  # 王秋*: the last character of the given name masked (关机*** is a word and a mask)
        latin = _LATIN_GIVEN.match(text, q)
        if latin is not None and _PINYIN_NAME.fullmatch(latin.group(0)) and latin.group(0) not in ("x", "xx") \
                and not _followed_elsewhere(text, text[p:latin.end()], _PINYIN_PLACE_AFTER) \
                and (text.count(text[p:latin.end()]) >= 2 or self._person_word_before(text, p)):
            return latin.end()  # 李yang (twice), 副书记黄jun: a given name in pinyin; 井dun once is a typo
        if text[q:q + 1] and text[q] in _MASK_CHARS:
            end = q + 1
            while end < len(text) and end - q < 2 and text[end] in _MASK_CHARS:
                end += 1
            if text[end:end + 1].isascii() and text[end:end + 1].isalpha():
                return None  # letters run on: a word, not a mask
            if text[end:end + 1] in _MASK_CHARS:
                return None  # 张*****************: a surname before a masked telephone number, no name
            nxt = text[end:end + 1]
            if end == q + 1 and nxt and "\u4e00" <= nxt <= "\u9fff" and nxt not in _NOT_IN_NAME \
                    and not self._word_starts(text, end, token_starts):
                return end + 1  # 刘*涵: the given name's first character masked, the second kept
            return end
        return None

    def _word_starts(self, text: str, k: int, token_starts: set[int] | None) -> bool:
        """Whether a word of two or more characters starts at k (so k is not inside a name)."""
        for length in (4, 3, 2):
            word = text[k:k + length]
            if len(word) == length and word in self.tags:
                return True
        return text[k:k + 1] in _NOT_THIRD or (text[k + 1:k + 2].isdigit())

    def name_at(self, text: str, p: int, token_ends: set[int], strong: bool) -> int | None:
        """End of a name starting at p (surname + one or two characters, or an anonymised form), or None. After a
        title or a strong cue, a name the rules read as words is taken when jieba's part-of-speech model reads it as
        one name (村支书任国强|贪污, 镇长于有林|拒不处理: 任 and 于 are far more often words)."""
        if text.startswith(_GATE_IDIOM, p):
            return None  # 副镇长|门难进、脸难看: the idiom, not the surname 门
        surname = self.surname_at(text, p)
        if surname is not None and text[p + len(surname):p + len(surname) + 1] in ("又", "则") \
                and text[p + len(surname) + 1:p + len(surname) + 2] in _NOT_THIRD:
            return None  # 村主任王|又来了: "again" or "then" before a verb, no given name (but 孔又新, 关则宇)
        end = self._name_end(text, p, token_ends, strong)
        if end is None and strong:
            end = self._tagged_name_end(text, p)  # (asked only when the cheap refusals above have passed)
        if end is not None and end - p > len(surname or "") + 1 and text.startswith(_GATE_IDIOM, end - 1):
            end -= 1  # 村委会主任毛忠|门难进、脸难看: the idiom's first character is no given name's
        return end

    def _tagged_name_end(self, text: str, p: int) -> int | None:
        """End of a name of two or three characters at p that jieba's part-of-speech model reads as one (nr) in the
        clause from p, whose given name is no time or count word (主任于|本周: "this week"), or None."""
        surname = self.surname_at(text, p)
        first = text[p + len(surname):p + len(surname) + 1] if surname is not None else ""
        if not "\u4e00" <= first <= "\u9fff" or first in _NOT_IN_NAME or first in _PLACE_CHARS:
            return None  # no given name can start here: the model need not be asked
        words = _posseg_words(_CLAUSE_FROM.match(text, p).group(0))
        if not words or words[0][1] != "nr" or not 2 <= len(words[0][0]) <= 3 or not words[0][0].startswith(surname):
            return None
        word = words[0][0]
        given = word[len(surname):]
        if not given or word in self.lexicon.nonnames or given in _NOT_GIVEN \
                or any(not "\u4e00" <= ch <= "\u9fff" or ch in _NOT_IN_NAME or ch in _PLACE_CHARS for ch in given) \
                or self.tags.get(given, "").startswith(("t", "m", "q", "f")):
            return None  # 区长|禾镇军: a place's character, no given name
        return p + len(word)

    def _name_end(self, text: str, p: int, token_ends: set[int], strong: bool) -> int | None:
        surname = self.surname_at(text, p)
        if surname is None:
            return None
        anon = self.anonymised_at(text, p)
        if anon is not None:
            return anon
        q = p + len(surname)
        head_tag = self.tags.get(text[p:q + 1])
        if (head_tag is not None and head_tag.startswith(_WORD_TAGS) and len(surname) == 1
                and not (strong and (head_tag[0] in "mq"
                                     or (head_tag[0] == "t"
                                         and self.freqs.get(text[p:q + 1], 0) < _FREQUENT_NAME_WORD)))):
            # 私营企业主|支付, 母亲|凌晨挑: a word, not a name (上诉人许宗旋, 书记余家敏: jieba's "numerals")
            return None
        if surname in _FUNCTION_SURNAMES and (text[q:q + 2] in self.tags or text[p:p + 2] in self.tags):
            return None  # 工作人员和|私营企业主
        if surname in "和同" and self.surname_at(text, q) is not None:
            return None  # 工作人员和|夏婷: 和 joins two persons
        if surname in "曾向于和但那任" and text[q:q + 1] in _NOT_THIRD:
            return None  # 举报人曾|到: 曾 is "once", 钱|由 "money"
        c1, c2 = text[q:q + 1], text[q + 1:q + 2]
        if strong and c1 == "向" and len(surname) == 1:
            for end in (q + 2, q + 1):  # 村民何向明, 镇长张向，: the dictionary or a stop says 向 is in the name
                if self.tags.get(text[p:end], "").startswith("nr") \
                        or (end == q + 1 and text[end:end + 1] in _STOP_AFTER_NAME):
                    return end
            if p in token_ends and q not in token_ends and q + 1 not in token_ends and q + 2 in token_ends \
                    and "\u4e00" <= text[q + 1:q + 2] <= "\u9fff" and text[q + 1] not in _NOT_IN_NAME:
                return q + 2  # 董事长邢向明（: the segmenter kept the three characters as one word after the title
        if strong and c1 in _NOT_IN_NAME and c1 not in _NEVER_IN_NAME and len(surname) == 1 \
                and self.tags.get(text[q:q + 2], "v").startswith(("n", "a")) \
                and (text[q + 2:q + 3] in _STOP_AFTER_NAME or q + 2 == len(text)) \
                and surname not in _FUNCTION_SURNAMES and p in token_ends | {p}:
            return q + 2  # 我叫刘和平，: a noun-like given name (和平) alone between the cue and a stop (not 再说)
        if not c1 or c1 in _NOT_IN_NAME or not ("\u4e00" <= c1 <= "\u9fff") or c1 in "村组乡镇县":
            return None  # 村民向|村支两委: a place's or a body's word, no given name
        if text[q:q + 2] in _FORMS_OF_ADDRESS or (c1 == "总" and (q + 1 in token_ends or not "\u4e00" <= c2 <= "\u9fff"
                                                                  or text[q:q + 2] in self.tags)):
            return None  # 申请人：唐先生, 举报人王老师, 负责人肖总: a surname and a form of address
        if c1 in "一二两几" and self.tags.get(text[q:q + 2], "").startswith(("m", "q")):
            return None  # 唐老师谈|一下: a numeral or measure word follows, no given name
        if self._bad_word_at(text, q, strong) and not (strong and (surname not in self.common or q + 1 in token_ends)) \
                and not (strong and p in token_ends and q + 2 in token_ends and q + 1 not in token_ends
                         and self.tags.get(text[p:q + 2], "nr").startswith("nr") and surname not in _FUNCTION_SURNAMES):
            # 张|利用: no given name (but 老板杨跃|进行, 法定代表人|郑建明, 村支书刘建新 (建新 a word, the three a name
            # in the dictionary): the segmenter ends the name)
            return None
        if strong and c2 == "向" and text[q + 2:q + 3] and (text[q + 2] in _STOP_AFTER_NAME or text[q + 2] == "的"):
            # 董事长邢光向（…）, 其外甥郑启向的名下: 向 with nothing to govern ends the name
            candidates = [q + 2, q + 1]
        elif (strong and "\u4e00" <= c2 <= "\u9fff" and c2 not in _NOT_IN_NAME and c2 not in _NOT_THIRD_FULL
                and c2 != "正"
                and _MISCONDUCT_AFTER_NAME.match(text, q + 2) and not _MISCONDUCT_AFTER_NAME.match(text, q + 1)):
            # 被告人王德胜|利用 (not 王德|胜利): a verb of the charge follows the whole name
            candidates = [q + 2, q + 1]
        elif not c2 or c2 in _NOT_IN_NAME or not ("\u4e00" <= c2 <= "\u9fff") or self._bad_word_at(text, q + 1) \
                or (c2 in "一两三四五六七八九几" and text[q + 2:q + 3] in "人名个位户"):
            candidates = [q + 1]  # 估价师邓玲|四人: a count of the persons just named follows
        elif not strong:
            candidates = [q + 2, q + 1] if q + 2 in token_ends or q + 2 == len(text) else [q + 1, q + 2]
        elif strong and c2 in _NOT_THIRD_FULL and not _NAME_END_AFTER.match(text, q + 1):
            candidates = [q + 1]  # 蔡俊|以, 胡红|用, 卢勇|搞 (but 联系人：戚民为 电话: a space or a stop ends the name)
        elif strong and c2 == surname and text[q + 2:q + 4] in ("先生", "女士", "小姐"):
            candidates = [q + 1]  # 经理罗佳|罗女士: the surname again with a form of address names the same person
        elif strong and text[q + 2:q + 4] in ("家住", "住在", "现住", "居住", "先生", "女士"):
            candidates = [q + 2, q + 1]  # 本人龙飞亮|家住…, 董事长柯晓|林先生: the whole name before 家住 or 先生
        elif strong and c2 == "正" and self._word_at(text, q + 2):
            candidates = [q + 1, q + 2]  # 名叫谭尧|正|利用: "is now using", not a third character
        elif q + 1 in token_ends and self._word_at(text, q + 1):
            candidates = [q + 1, q + 2]  # 张敏|提议: the segmenter and the dictionary agree a word starts
        else:
            candidates = [q + 2, q + 1]  # most names have three characters: 李刚云|以
        for end in candidates:
            word = text[p:end]
            if word in self.lexicon.nonnames:
                continue
            if not strong and (end not in token_ends or not self._looks_like_name(word)):
                continue
            return end
        return None

    def _byline_names(self, text: str, p: int) -> list[tuple[int, int]]:
        """The names of a byline written together after 记者 (记者柯蔓邵云帆）): the run up to the byline's end cut
        into names (``_cut_into_names``). Empty when the run cannot be cut so."""
        m = _BYLINE_RUN.match(text, p)
        if m is None or len(m.group(0)) < 4:
            return []
        return self._cut_into_names(m.group(0), p)

    def _cut_into_names(self, run: str, offset: int, words_ok: bool = False) -> list[tuple[int, int]]:
        """``run`` (at ``offset`` in the text) cut whole into names of two or three characters, each starting with a
        surname; of several cuts, the one whose names start with common surnames. A name that is a dictionary word
        other than a name, or ends in a place's, is no name (记者林岚|上海|报道) — unless ``words_ok`` (a list of
        signatures, where 黄芪 is a signer), and then it costs the cut. Empty when the run cannot be cut so."""
        best: dict[int, tuple[int, list[tuple[int, int]]]] = {0: (0, [])}  # offset -> (score, names)
        for i in range(len(run)):
            if i not in best:
                continue
            surname = self.surname_at(run, i)
            if surname is None or len(surname) > 1:
                continue
            for n in (2, 3):
                if i + n > len(run) or not self._list_item_ok(run[i:i + n], surname):
                    continue
                word = not self.tags.get(run[i:i + n], "nr").startswith("nr") \
                    or self.tags.get(run[i + n - 2:i + n], "").startswith("ns")
                if word and not words_ok:
                    continue
                score = best[i][0] + (1 if surname in self.common else 0) - (2 if word else 0)
                if i + n not in best or best[i + n][0] < score:
                    best[i + n] = (score, best[i][1] + [(offset + i, offset + i + n)])
        return best.get(len(run), (0, []))[1]

    def _signers(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """The names of a list of signatures written together (业主联名签字：柯蔓邵云帆…): each run of Chinese
        characters cut into names, a lone surname at its end or a masked place's suffix at its start
        (…林慧李|F7县|张安民…) left out. Empty unless at least three names come out and at most a third of them are
        dictionary words."""
        names: list[tuple[int, int]] = []
        for seg in _CHINESE_RUN.finditer(text, start, end):
            a, b = seg.span()
            spans = [(a, b), (a, b - 1), (a + 1, b), (a + 1, b - 1)]
            if b < end and self.surname_at(text, b - 1) is not None:
                spans = [(a, b - 1), (a + 1, b - 1), (a, b), (a + 1, b)]  # 林慧李|F7县: the surname of a masked name
            for s0, e0 in spans:
                cut = self._cut_into_names(text[s0:e0], s0, words_ok=True) if e0 - s0 >= 2 else []
                if cut:
                    names += cut
                    break
        words = sum(1 for s0, e0 in names if not self.tags.get(text[s0:e0], "nr").startswith("nr"))
        return names if len(names) >= 3 and 3 * words <= len(names) else []

    def foreign_name_at(self, text: str, p: int, token_starts: set[int], after_title: bool) -> int | None:
        """End of a foreign name written in Chinese that starts at p (after a title or a strong cue), or None."""
        if p not in token_starts:
            return None  # 第一部|长达|两小时: the "title" ends inside a word
        dotted = _DOTTED_NAME.match(text, p)
        if dotted is not None and dotted.group(0)[-1] not in _ESTATE_END:
            return self._foreign_end(text, dotted.end())  # 发言人约翰·米勒 (but 原名金桂·雅园阁 is an estate)
        m = _FOREIGN_NAME.match(text, p)
        if m is None:
            return None
        run = m.group(0)
        if not any(ch in _FOREIGN_ONLY for ch in run) \
                and (self.surname_at(text, p) is not None or len(run) > 3
                     or not (after_title or self.tags.get(run, "").startswith("nr"))):
            # 马丁, 罗兰: a Chinese surname's name, read as one; after a cue, only a run the dictionary knows as a
            # name (主教练|凯勒): 原名|瑞安|雅居 is an estate's name
            return None
        tag = self.tags.get(run)
        head = self.tags.get(run[:2]) if len(run) > 2 else None
        if (tag is not None and not tag.startswith("nr")) or (head is not None and not head.startswith(("nr", "ns"))):
            return None  # 局长|依法, 主任|西安: a word, not a name (a name may start like a place: 加斯|…)
        return self._foreign_end(text, m.end())

    def _foreign_end(self, text: str, end: int) -> int:
        """The end of a run of transliteration characters, less its last character when that starts a word with the
        next one (…米勒|博士, 佐朗|本场)."""
        if self.tags.get(text[end - 1:end + 1], "nr").startswith("nr") or text[end - 2:end - 1] in "·•‧・":
            return end
        return end - 1

    def _word_at(self, text: str, k: int) -> bool:
        return any(text[k:k + n] in self.tags for n in (2, 3, 4) if k + n <= len(text))

    def _bad_word_at(self, text: str, k: int, strong: bool = False) -> bool:
        for length in (2, 3):
            if k + length > len(text):
                break  # 户主：谭华爱 at the end of the text: 爱 alone is no word here
            tag = self.tags.get(text[k:k + length])
            if tag is not None and tag.startswith(_WORD_TAGS) and not (strong and tag == "t"):
                return True  # after a strong cue a time word is a given name: 村民王|初阳
        return False

    def _looks_like_name(self, word: str) -> bool:
        tag = self.tags.get(word)
        if tag is None:
            return True
        return tag.startswith("nr")

    # -- the whole text -------------------------------------------------------------------------------------
    def find(
        self,
        text: str,
        tokens: list[tuple[str, int, int]],
        places: list[Place],
        blocked: list[tuple[int, int]],
        tagged: list[tuple[int, int]] | None = None,
        arbitrate: bool = False,
    ) -> list[Person]:
        """Persons of a text. ``tagged``: name spans from a trained tagger (``triage/nlp/tagger.py``), when one
        is configured: they are added as names, and with ``arbitrate`` a name found with no title or cue is kept
        only when the tagger marks it too."""
        tokens = self._join_split_names(text, tokens)
        token_ends = {e for _, _, e in tokens}
        token_starts = {s for _, s, _ in tokens}
        token_start_of = {}
        for _, s, e in tokens:
            for i in range(s, e):
                token_start_of[i] = s
        word_at = {s: w for w, s, _ in tokens}
        titles = self.find_titles(text, token_ends, token_start_of)
        title_spans = [(t.title_start, t.end) for t in titles]
        place_spans = [(p.start, p.end) for p in places]

        def overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
            return any(a < e and s < b for a, b in spans)

        names: dict[tuple[int, int], dict] = {}  # span -> info

        def add_name(s: int, e: int, *, strong: bool, title: TitleMention | None = None,
                     party: str | None = None) -> None:
            if e - s < 2 or overlaps(s, e, blocked) or overlaps(s, e, place_spans):
                return
            if overlaps(s, e, title_spans) and title is None:
                return
            info = names.setdefault((s, e), {"strong": False, "titles": [], "party": None})
            info["strong"] = info["strong"] or strong
            if title is not None:
                info["titles"].append(title)
                title.named = True
            if party:
                info["party"] = party

        # 1. names right after titles, and chained titles
        for i, t in enumerate(titles):
            p = t.end
            if text[p:p + 1] in ("”", "’", "\"", "」"):  # “一肩挑”于某
                p += 1
            if text[p:p + 1] in ("：", ":", "的"):  # 村主任：张三, 村党支部书记的万丽
                p += 1
            if text[p:p + 1] in "和与及同跟":
                continue  # 村长和|支书, 在编老师和|临聘老师: a conjunction, not the surname 和
            end = self.foreign_name_at(text, p, token_starts, after_title=True) or _latin_name_end(text, p)
            if end is not None and not overlaps(p, end, title_spans):
                add_name(p, end, strong=True, title=t)
                continue
            end = self.name_at(text, p, token_ends, strong=True) if p < len(text) else None
            if end is not None and self._common_word(text, p, end, word_at):
                end = None  # 市长|信箱, 老师|利用, 教师的|强烈: a word follows the title, not a name
            if end is not None and self._adverb_first(text, p, end):
                end = None  # 教师|都会: an adverb, not the surname
            if end is not None and (text[end - 1] in _PLACE_END_STRICT or _ESTATE_AFTER_TITLE.match(text, end)) \
                    and self.anonymised_at(text, p) is None:
                end = None  # 黄岭镇|长安村: the "title" 镇长 is the end of one place and the start of the next
            if end is not None and not overlaps(p, end, title_spans):
                add_name(p, end, strong=True, title=t)
                # earlier titles chained to this one with 、 or 兼 (原党组成员、副主任王某某)
                j = i - 1
                cur = t
                while j >= 0:
                    prev = titles[j]
                    gap = text[prev.end:cur.start]
                    if _chains(gap) and not prev.named and not prev.title.startswith(_ADMIN_CHARS):
                        add_name(p, end, strong=True, title=prev)
                        cur = prev
                        j -= 1
                    else:
                        break
        # 2. names before a title in brackets: 袁某(村主任), and NAME系…title
        for t in titles:
            if t.named:
                continue
            close = t.end + (1 if text[t.end:t.end + 1] in "”’\"」" else 0)
            if not (close < len(text) and text[close] in "）)"):
                continue
            k = t.start - 1  # the opening bracket: right before the role, or before places and bodies in front
            while k >= 0 and t.start - k <= 20 and text[k] not in "（(）)，。；！？\n":
                k -= 1
            if k >= 0 and text[k] in "（(":
                for length in (4, 3, 2):
                    s = k - length
                    if s >= 0 and self.surname_at(text, s):
                        end = self.anonymised_at(text, s) or (s + length)
                        if end == k and self.name_at(text, s, token_ends | {k}, strong=True) == k:
                            add_name(s, k, strong=True, title=t)
                            break
        # 2b. a name right before a bare role title: 写信给赵志刚局长, 张建国书记. Only when the title has no
        # body or place of its own (任青石|县委书记 is a place before a title, not a name)
        for t in titles:
            if t.named or t.start < 2 or (t.start != t.title_start and text[t.start:t.title_start] not in ("副", "原")):
                continue  # 饶建元|副主任: a name before 副 or 原 and the title
            k = token_start_of.get(t.start - 1)
            if (k is not None and t.start - k == 1 and t.start >= 3 and token_start_of.get(t.start - 3) == t.start - 3
                    and token_start_of.get(t.start - 2) in (t.start - 2, t.start - 3)
                    and self.surname_at(text, t.start - 3)
                    and self._plain_name(text, t.start - 3, t.start)):
                k = t.start - 3  # 区委|于|永|梵|书记, 政府办|刘海|松|主任: the segmenter cut the name apart
            if k is None or (k, t.start) in names:
                continue
            alone = t.start - k == 2 and k >= 2 and text[k - 2] in "、，," and token_start_of.get(k - 1) == k - 1 \
                and self._lone_surname(text, k - 1) and text[k - 1:t.start] not in self.tags \
                and all(ch not in _NEVER_IN_NAME for ch in text[k:t.start])
            if alone:
                k -= 1  # 市长、詹|向阳|局长, 书记、龚|镇江|县长: a surname alone after a list's or a clause's start
            if (t.title.startswith(_ADMIN_CHARS) and not self._body_ends_at(text, k)
                    and not (text[k - 1:k] in _BEFORE_NAMED_CHIEF and t.start - k == 3
                             and self._plain_name(text, k, t.start))):
                continue  # 青石|县委书记 is a place before a title; 市政府|林国栋|市长 has its body before the name
                # (but 管国土的|邹立全|镇长: three characters after 的 or a stop are a name, not a town)
            if self.surname_at(text, k) is None and t.start - k == 2 and k > 0 and token_start_of.get(k - 1) == k - 1 \
                    and ((self._lone_surname(text, k - 1)
                          and self.freqs.get(text[k:t.start], 0) < _FREQUENT_GIVEN_WORD)
                         or self._surname_after_body(text, k - 1)):
                k -= 1  # 看诊的林|登高|医生, 县委|高|超群|书记: the surname split off from a given name that is a word
            surname = self.surname_at(text, k)
            word = text[k:t.start]
            if surname is None or not len(surname) < len(word) <= len(surname) + 2 \
                    or overlaps(k, t.start, title_spans) or self.anonymised_at(text, k) is not None:
                continue
            if surname in _FUNCTION_SURNAMES and text.count(word[len(surname):] + t.title) > text.count(word + t.title):
                continue  # 问题向|宏达书记澄清, 望宏达书记作主: a preposition before a given name and a title
            if alone or self._bare_name_ok(text, word, k, t.start, surname, before_title=True, word_at=word_at):
                add_name(k, t.start, strong=True, title=t)
        # 2c. a name of three characters between a masked place or 由/经 and a government's title: B3区邹立全区长,
        # 由何文惠副区长 (the segmenter glues the place's or the preposition's character to the name)
        for t in titles:
            if not t.title.lstrip("副原").startswith(_ADMIN_CHARS) or t.start < 4 \
                    or (t.start != t.title_start and text[t.start:t.title_start] not in ("副", "原")):
                continue
            m = _CHIEF_NAME_BEFORE.search(text, max(0, t.start - 8), t.start)
            if m is None:
                continue
            s0, e0 = m.span("name")
            if (s0, e0) not in names and text[e0 - 1] not in "村乡镇县市区省" and self._plain_name(text, s0, e0) \
                    and not overlaps(s0, e0, title_spans):
                for span in [span for span in names if span[1] == e0 and span[0] > s0]:
                    del names[span]  # 由祁|文惠|副区长: the given name alone was read before the title
                add_name(s0, e0, strong=True, title=t)
        # 3c. a name after such a word and 是 or 为, standing alone before a stop: 经营者是李某，后变更为…
        for m in self.cue_is_re.finditer(text):
            p = m.end()
            end = self.name_at(text, p, token_ends, strong=True) if p < len(text) else None
            if (end is not None and (text[end:end + 1] in _STOP_AFTER_NAME or text[end:end + 1] in "）)")
                    and not overlaps(p, end, title_spans)
                    and (self.anonymised_at(text, p) is not None
                         or self._plain_name(text, p, end, single_word_ok=True))):
                add_name(p, end, strong=True)
        # 3a. names after words that announce a person: 被告人李刚云, 村民张三
        for m in self.cue_re.finditer(text):
            p = m.end()
            if p >= len(text) or overlaps(p, p + 1, title_spans):
                continue
            ts = token_start_of.get(p - 1, p)
            if p not in token_ends and ts <= m.start():
                continue  # the cue is part of a longer word: 居民区|建筑物 is no 居民 followed by a name
            trade = m.group(0).rstrip("：:").endswith(_TRADE_CUES)
            foreign = self.foreign_name_at(text, p, token_starts, after_title=trade) or _latin_name_end(text, p)
            if foreign is not None:
                add_name(p, foreign, strong=True)  # 主帅贝纳迪尼
                continue
            if m.group(0).endswith(_BYLINE_CUES):
                byline = self._byline_names(text, p)
                if len(byline) > 1:
                    for s0, e0 in byline:
                        add_name(s0, e0, strong=True)  # （记者柯蔓邵云帆）: two reporters' names written together
                    continue
                lone = _BYLINE_RUN.match(text, p)
                if lone is not None and len(lone.group(0)) in (2, 3) \
                        and _BYLINE_OPENS.search(text, max(0, m.start() - 4), m.start()) \
                        and self.surname_at(text, p) == text[p] and not any(ch in _NOT_IN_NAME for ch in lone.group(0)):
                    add_name(p, lone.end(), strong=True)  # （记者方圆）, 本报记者高峰、: a byline's name, even a word
                    continue
            if p not in token_starts and m.start() not in token_starts and self.anonymised_at(text, p) is None \
                    and self._word_at(text, token_start_of.get(p, p)):
                continue  # 新老|公司: the cue 老公 straddles two words, no name follows
            if text[p] in "和与及跟" and self.anonymised_at(text, p) is None:
                continue  # 律师和|女主角, 村民与|干部: a conjunction, as after a title, not the surname 和
            end = self.name_at(text, p, token_ends, strong=True)
            if end is not None and text[p] in "房车楼路" and self.anonymised_at(text, p) is None \
                    and self._bad_word_at(text, p + 1):
                continue  # 居民房|集中, 居民车|无处: the cue's house or car, and a word, not a surname and a given name
            if end is not None and (self._place_like(text, text[p:end], end)
                                    or (end - p == 3 and text[p + 1] == "家" and text[p + 2] in _FAMILY_PLACE_END)):
                continue  # 名叫石家岭|幼儿园: an estate, school or road, not a person; 村民张家湾: a village
            if end is not None and (_FIRM_WORD_AFTER.match(text, end) or _INSTITUTION_AFTER.match(text, end)) \
                    and self.anonymised_at(text, p) is None:
                continue  # 被投诉人华利|房地产: a firm's name, not a person; 原名杨柳|小学: a school's
            if end is not None and self._common_word(text, p, end, word_at) \
                    and not (m.group(0).rstrip("：:") in _LEGAL_ROLES and end - p == 3
                             and text[end:end + 1] in ("、", "，", ",", "。", "；", "（", "(", "犯", "")
                             and not self.tags.get(text[p:end], "nr").startswith(_WORD_TAGS)):
                continue  # 居民|车辆无地, 母亲|相依为命: a word follows the cue, not a name (but 被告人严明|华、…)
            if end is not None and self._adverb_first(text, p, end):
                continue  # 当事人|应拿: a modal verb, not the surname 应
            if end is not None and end - p >= 2 and text[p + 1] in "不没未" and self.anonymised_at(text, p) is None:
                continue  # 饭店老板|严不清楚: a verb and its negation, not the surname 严
            if end is not None and self.anonymised_at(text, p) is None \
                    and (_MODAL_AFTER.match(text, p + 1) or text[p:p + 2] in ("方可", "方能", "方才")):
                continue  # 业主代表方|需要…, 村民代表方可…: "only then" or a modal verb, not the surname 方
            if end is not None and not overlaps(p, end, title_spans):
                tag = self.tags.get(text[p:end])
                if tag is None or tag.startswith("nr") or self.anonymised_at(text, p) is not None \
                        or (tag == "ns" and self.freqs.get(text[p:end], 0) < _FREQUENT_NAME_WORD):
                    add_name(p, end, strong=True)  # 村民|印章 is a word, not a name; 法人苏兰 (a rare place word) is
        # 3b. a name standing alone before its sex or an honorific: 林金和，男，…; 卢林先生，…
        for m in _ALONE_BEFORE_SEX.finditer(text):
            s, e = m.start("name"), m.end("name")
            surname = self.surname_at(text, s)
            if surname is None or not 1 <= e - s - len(surname) <= 2 or overlaps(s, e, title_spans):
                continue
            given = text[s + len(surname):e]
            tag = self.tags.get(text[s:e])
            if any(ch in _NEVER_IN_NAME for ch in given) or text[s:e] in self.lexicon.nonnames \
                    or (tag is not None and not tag.startswith("nr")) or given in _NOT_GIVEN:
                continue
            writer = re.search("(?:我|本人)[ \u3000]?$", text[max(0, s - 3):s]) is not None
            add_name(s, e, strong=True, party="petitioner" if writer else None)  # 我 韩某，71岁: the writer
        # 3d. a speaker's name opening a line before a colon, as in an interview or a column: 林岚：我认为…
        for m in _SPEAKER_AT_LINE_START.finditer(text):
            s, e = m.span("name")
            surname = self.surname_at(text, s)
            if surname is not None and surname not in _FUNCTION_SURNAMES | _WORD_SURNAMES \
                    and self._plain_name(text, s, e) and not overlaps(s, e, title_spans) \
                    and text[e - 1] not in _PLACE_END_CHARS | _PLACE_END_STRICT \
                    and not self._place_like(text, text[s:e], e) \
                    and not self._frequent_word(text[s:e], text[s + len(surname):e]):
                add_name(s, e, strong=True)  # (张村：… is a village's)
        # 3. petitioner cues: 我叫张三, 举报人：李某
        for m in self.petitioner_re.finditer(text):
            p = m.end()
            end = self.name_at(text, p, token_ends | {p}, strong=True)
            if end is None or overlaps(p, end, title_spans):
                continue
            if (m.group(0).startswith(("我是", "我们是", "本人是", "本人")) and self.anonymised_at(text, p) is None
                    and not (text[end:end + 1] in "，,。、；（( " or text[end:end + 1] == ""
                             or text[end:end + 1] in "系"
                             or text[end:end + 2] in ("家住", "住在", "现住", "实名"))):
                continue  # 我是南岭南岭村村民: a place follows, not a name
            word = text[p:end]
            tag = self.tags.get(word)
            if self.anonymised_at(text, p) is None and (
                    (tag is not None and not tag.startswith("nr") and self.freqs.get(word, 0) >= _FREQUENT_GIVEN_WORD)
                    or (self._place_like(text, word, end) and not self._named_alone(m.group(0), text, end))
                    or word[-1] in "城" or self._native_of(word) or (tag or "").startswith("nt")
                    or (len(word) == 3 and word[-1] in _OFFICE_END)):
                continue  # 我是农民, 本人金悦城（…）, 我本是卫生局系统: a word, an estate or a body, not a name
            # (合同指定联系人X, 公司联系人X: a name, but someone else's contact, not the writer; the pattern itself
            # keeps 被举报人 out)
            add_name(p, end, strong=True,
                     party=None if text.endswith(_SOMEONE_ELSES_CUE, 0, m.start()) else "petitioner")
        # 4. every segment that starts with a surname
        for k, (w, s, e) in enumerate(tokens):
            surname = self.surname_at(text, s)
            if surname is None:
                continue
            anon = self.anonymised_at(text, s, token_starts)
            if anon is not None:
                if not overlaps(s, anon, title_spans) and not text[s - 1:s].isdigit():  # 357班|某同学
                    add_name(s, anon, strong=True)
                    glued = self.anonymised_at(text, anon, token_starts) if anon not in token_starts else None
                    if glued is not None and "某" in text[anon:glued]:
                        add_name(anon, glued, strong=True)  # 左某|王某: the segmenter cut 某王 as one word
                continue
            if len(surname) < len(w) <= len(surname) + 2:
                end = e
                if (len(w) == len(surname) + 1 and s > 0 and text[s - 1] in "、，,"
                        and any(e2 == s - 1 for _, e2 in names)
                        and (text[e + 1:e + 2] in (("、", "等") if text[s - 1] == "、" else ("，", ",", "、", "等"))
                             or (text[s - 1] == "、" and text[e + 1:e + 2] in ("，", ",", "。")
                                 and k + 1 < len(tokens) and tokens[k + 1][0] == text[e]
                                 and text[e] not in _NOT_THIRD_FULL))
                        and "\u4e00" <= text[e:e + 1] <= "\u9fff"
                        and text[e] not in _NOT_IN_NAME):
                    end = e + 1  # 王志义、刘成|其|等, 唐岚、鲍月|红，: the list's next name has three characters
                if len(w) == len(surname) + 2 and w[-1] in _NOT_THIRD_FULL and w not in self.tags \
                        and text[e:e + 1] and text[e] not in _HARD_STOP and text[e] != "、":
                    end -= 1  # 田甲以|中秋节: the segmenter glued the next word's first character on (罗国边、: no)
                elif len(w) == len(surname) + 2 and w[-1] == surname and text[e:e + 2] in ("先生", "女士", "小姐"):
                    end -= 1  # 罗佳罗|女士: the surname again with a form of address names the same person
                elif len(w) == len(surname) + 2 and text.startswith(_GATE_IDIOM, e - 1):
                    end -= 1  # 毛忠门|难进: the idiom 门难进、脸难看 after the name
                elif len(w) == len(surname) + 1 and k + 1 < len(tokens) and len(tokens[k + 1][0]) == 1 \
                        and "\u4e00" <= tokens[k + 1][0] <= "\u9fff" and tokens[k + 1][0] not in _NOT_IN_NAME \
                        and (_ADDRESS_AFTER.match(text, tokens[k + 1][2])
                             or (self._left_cue(text, s) and _SAYS_AFTER.match(text, tokens[k + 1][2]))):
                    end = tokens[k + 1][2]  # 邹意|远|同学, 学者叶明|海|认为: the third character split off
            elif len(w) == len(surname) + 3 and w[-1] in _NOT_THIRD_FULL and w not in self.tags:
                end = e - 1  # 罗秀艳于|2017年: the segmenter glued the next word's first character on
            elif w == surname and k + 1 < len(tokens) and 1 <= len(tokens[k + 1][0]) <= 2 \
                    and self._next_in_list(text, s, tokens[k + 1][2], names):
                # 刘军建、黄|新立、李杰: the next name of a list, even if the given name is a word
                end = tokens[k + 1][2]
            elif w == surname and k + 1 < len(tokens) and 1 <= len(tokens[k + 1][0]) <= 2 \
                    and surname in self.common and surname not in _FUNCTION_SURNAMES \
                    and (surname not in _WORD_SURNAMES or self._left_cue(text, s)) \
                    and (not (self.tags.get(tokens[k + 1][0]) or "nr").startswith(_WORD_TAGS)
                         or self._group_named(text, s, tokens[k + 1][2])):
                end = tokens[k + 1][2]  # 石|清道|等人: a word after the surname, but "and the others" says name
            else:
                continue
            if (s, end) in names or overlaps(s, end, title_spans) \
                    or any(a == s and text[b:b + 1] in _NOT_THIRD_FULL for a, b in names):
                continue  # a name found here was cut before a character that starts the next word: 委员范东|至现场
            word = text[s:end]
            if self._bare_name_ok(text, word, s, end, surname, word_at=word_at):
                add_name(s, end, strong=False)
            elif (s > 0 and text[s - 1] == "、" and any(e2 == s - 1 for _, e2 in names)
                    and (text[end:end + 1] in ("、", "，", ",", "。", "等", "", " ")
                         or text[end:end + 1] in "两三四五六七八九几"
                         or (len(word) == len(surname) + 2 and text[end:end + 1] in "于在已也都均"))
                    and (self._plain_word(word, surname) or self._next_in_list(text, s, end, names))):
                # 孔俊、孔娟、栗川，, 龚安家、龚平三户, 刘印强、罗秀艳于…: a list's next name
                add_name(s, end, strong=False)
            elif s > 0 and text[s - 1] in "，," and any(e2 == s - 1 for _, e2 in names) \
                    and text[end:end + 1] in ("，", ",", "、", "等", "系") and self._plain_word(word, surname) \
                    and surname not in _FUNCTION_SURNAMES | _WORD_SURNAMES | _ADVERB_SURNAMES \
                    and not self._frequent_word(word, word[len(surname):]):
                add_name(s, end, strong=False)  # 求助人钟某某，龙飞利，龙贵，…: a list of names written with commas
        # 4a. anonymised names the segmenter glued to the word before: 经黎|某某 (经黎 is one token)
        for m in _ANON_MARK.finditer(text):
            for s in (m.start() - 1, m.start() - 2):
                surname = self.surname_at(text, s) if s >= 0 else None
                if surname is None or s + len(surname) != m.start() or s in token_starts \
                        or text[s - 1:s] not in _BEFORE_GLUED_NAME or surname in _NEVER_BARE_SURNAMES:
                    continue
                anon = self.anonymised_at(text, s, token_starts)
                if anon is not None and not overlaps(s, anon, title_spans) and not overlaps(s, anon, list(names)):
                    add_name(s, anon, strong=True)
                break
        # 4f. a name in quotation marks after 叫, 名为 or 真实名字: 一名叫“李婷玉”的股东, 真实名字“万宁”
        for m in _QUOTED_NAME.finditer(text):
            s, e = m.span("name")
            if self._quoted_name_ok(text, s, e) and not overlaps(s, e, list(names)) \
                    and not _FIRM_WORD_AFTER.match(text, e + 1) and not _ORG_NOUN_AFTER.match(text, e + 1):
                add_name(s, e, strong=True)
        # 4k. a name in brackets right after a role: 业务人员（汤某）
        for m in _NAME_AFTER_ROLE.finditer(text):
            s, e = m.span("name")
            surname = self.surname_at(text, s)
            word = text[s:e]
            if surname is not None and 1 <= e - s - len(surname) <= 2 and word not in self.lexicon.nonnames \
                    and self.tags.get(word, "nr").startswith("nr") and surname not in "和与及同跟" \
                    and all(ch not in _NOT_IN_NAME for ch in word[len(surname):]) \
                    and not overlaps(s, e, list(names)) and not overlaps(s, e, title_spans):
                add_name(s, e, strong=True)  # the bracket says name even when the given name is a word (汤|钧)
        # 4i. a board's reply to the writer by name in quotation marks: “张三”网友：您好
        for m in _NETIZEN_NAMED.finditer(text):
            s, e = m.span("name")
            if self._quoted_name_ok(text, s, e) and not overlaps(s, e, list(names)):
                add_name(s, e, strong=True)
        for m in _NETIZEN_HANDLE.finditer(text):
            group = "name" if m.group("name") else "before"
            s, e = m.span(group)
            if (not overlaps(s, e, list(names)) and not overlaps(s, e, title_spans)
                    and not self._handle_is_word(m.group(group))):
                add_name(s, e, strong=True)
        # 4j. the first item of a list of names, when the segmenter or the dictionary hid it: 如赵顺、陈立雄、周丽文
        for s2, _e2 in sorted(names):
            if s2 < 3 or text[s2 - 1] != "、":
                continue
            for length in (3, 2):
                s = s2 - 1 - length
                if (s < 0 or s not in token_starts or overlaps(s, s2 - 1, list(names))
                        or overlaps(s, s2 - 1, title_spans)):
                    continue
                surname = self.surname_at(text, s)
                word = text[s:s2 - 1]
                if surname is None or surname in _FUNCTION_SURNAMES | _WORD_SURNAMES | _ADVERB_SURNAMES \
                        or not 1 <= len(word) - len(surname) <= 2 or word in self.lexicon.nonnames \
                        or not self.tags.get(word, "nr").startswith("nr") \
                        or (len(word) - len(surname) == 2 and word[len(surname):] in self.tags) \
                        or any(ch in _NOT_IN_NAME or not "\u4e00" <= ch <= "\u9fff" for ch in word[len(surname):]) \
                        or not (s == 0 or text[s - 1] in "如有：:，,（(、 ") \
                        or self._frequent_word(word, word[len(surname):]):
                    continue
                add_name(s, s2 - 1, strong=False)
                break
        # 4m. the head of a gang or a scheme: 以徐某为首的, 以刘建国为首
        for m in _LED_BY.finditer(text):
            s, e = m.span("name")
            if (self._plain_name(text, s, e) or self.anonymised_at(text, s) == e) \
                    and not overlaps(s, e, list(names)) and not overlaps(s, e, title_spans):
                add_name(s, e, strong=True)
        # 4g. a name right after 业主 or 住户 and before a stop: 15栋业主孙立强。, 业主孙鸣。 (after a common surname a
        # one-character given name may be a word: 鸣, 强; but 被业主公摊，is a verb)
        for m in _RESIDENT_NAMED.finditer(text):
            s, e = m.span("name")
            if ((self._plain_name(text, s, e)
                 or (e - s == 2 and text[s] in self.common and self._plain_name(text, s, e, single_word_ok=True)))
                    and text[s] not in _FUNCTION_SURNAMES | _ADVERB_SURNAMES
                    and (text[s] not in _WORD_SURNAMES
                         or (e - s == 3 and not self._frequent_word(text[s:e], text[s + 1:e])))
                    and not overlaps(s, e, list(names)) and not overlaps(s, e, title_spans)):  # 业主高某某（
                writer = _SELF_INTRODUCED.search(text, max(0, m.start() - 25), m.start()) is not None
                add_name(s, e, strong=True, party="petitioner" if writer else None)  # 我是5栋业主孙鸣。
        # 4c. a full name the segmenter glued to 叫 before it: 一位叫龙晨的村民 (叫龙晨 is one token)
        for w, s, e in tokens:
            if (len(w) in (3, 4) and w[0] == "叫" and text[e:e + 1] in _AFTER_CALLED and not overlaps(s, e, list(names))
                    and text[s + 1] not in _FUNCTION_SURNAMES and self._plain_name(text, s + 1, e)):
                add_name(s + 1, e, strong=True)
        # 4d. a name before a role in brackets that is no title: 许萍（宏达集团法人）
        for m in _ROLE_IN_BRACKETS.finditer(text):
            k = m.start()
            for s in (k - 3, k - 2):
                if s >= 0 and s in token_starts and self._plain_name(text, s, k) and not overlaps(s, k, list(names)):
                    add_name(s, k, strong=True)
                    break
        # 4b. a trained tagger's names; arbitrating, it also decides the names found with no title or cue
        if tagged is not None:
            tagged_spans = [(s, e) for s, e in tagged if self._tagged_name_ok(text[s:e])]
            for span in [sp for sp, info in names.items() if not info["strong"]] if arbitrate else []:
                if not overlaps(*span, tagged_spans):
                    del names[span]
            for s, e in tagged_spans:
                if not overlaps(s, e, list(names)):
                    add_name(s, e, strong=True)
        # 4q. a list's earlier items, before a name found in it: 为涂建平、喻红军、闵志刚等人 (the last found by 等人),
        # 同案人员侯立新、段明辉 — an item right before 、 and a found name, starting a word, with a common surname
        grown, listed = True, set()
        while grown:
            grown = False
            for s0, e0 in sorted(names):
                if s0 < 3 or text[s0 - 1] != "、" or not (
                        names[(s0, e0)]["strong"] or _GROUP_AFTER.match(text, e0) or text.startswith("另案", e0)
                        or (s0, e0) in listed):
                    continue
                for k in (s0 - 4, s0 - 3):
                    surname = self.surname_at(text, k) if k >= 0 else None
                    item = text[k:s0 - 1]
                    if surname is None or k not in token_starts \
                            or (surname not in self.common and len(item) - len(surname) < 2) \
                            or surname in _FUNCTION_SURNAMES or not 1 <= len(item) - len(surname) <= 2 \
                            or overlaps(k, s0 - 1, list(names)) or overlaps(k, s0 - 1, title_spans) \
                            or not self.tags.get(item, "nr").startswith("nr") or not self._list_item_ok(item, surname):
                        continue
                    add_name(k, s0 - 1, strong=False)
                    grown = (k, s0 - 1) in names
                    listed.add((k, s0 - 1))
                    break
                if grown:
                    break
        # 4u. a list's later items after a name a cue marks, up to a stop, 等, a statement or a verb of the case:
        # 证人郑国强、韦小兵、柏文静的证言 (文静 is a word), 向单国栋、邝建新行贿, 同案犯戚小龙、巫建国已另案判决
        grown = True
        while grown:
            grown = False
            for s0, e0 in sorted(names):
                if text[e0:e0 + 1] != "、":
                    continue
                anchored = names[(s0, e0)]["strong"] or (s0, e0) in listed or text[s0 - 1:s0] == "、"
                k = e0 + 1
                surname = self.surname_at(text, k)
                if surname is None or surname in _FUNCTION_SURNAMES or k not in token_starts:
                    continue
                for length in (len(surname) + 2, len(surname) + 1):
                    end, item = k + length, text[k:k + length]
                    said = text.startswith(("行贿", "的证言", "的证词", "的陈述", "的供述"), end) \
                        or _MISCONDUCT_AFTER_NAME.match(text, end) is not None
                    stop = text[end:end + 1] in ("、", "，", ",", "。", "；", "等", "") \
                        or text.startswith(("已", "均", "另案"), end)
                    if not (said or (anchored and stop)):
                        continue
                    if overlaps(k, end, list(names)) or overlaps(k, end, title_spans) \
                            or not self.tags.get(item, "nr").startswith("nr") or item[len(surname):] in _NOT_GIVEN \
                            or not self._list_item_ok(item, surname):
                        continue
                    add_name(k, end, strong=False)
                    grown = (k, end) in names
                    listed.add((k, end))
                    break
                if grown:
                    break
        # 4s. a list of names each with its sum: 分别收受钟玉林5万元、严建设3万元、孔繁荣2万元 — after a found name and
        # its sum, the next item's name runs up to its own sum, even when its given name is a word (建设, 繁荣)
        sum_end = dict(blocked)
        grown = True
        while grown:
            grown = False
            for _s0, e0 in sorted(names):
                a_end = sum_end.get(e0)
                if a_end is None or text[a_end:a_end + 1] != "、":
                    continue
                k = a_end + 1
                surname = self.surname_at(text, k)
                if surname is None or surname in _FUNCTION_SURNAMES:
                    continue
                for length in (len(surname) + 2, len(surname) + 1):
                    item = text[k:k + length]
                    if k + length in sum_end and not overlaps(k, k + length, list(names)) \
                            and not overlaps(k, k + length, title_spans) \
                            and item[len(surname):] not in _NOT_GIVEN \
                            and item[len(surname):] not in self.lexicon.titles and self._list_item_ok(item, surname):
                        add_name(k, k + length, strong=False)
                        grown = (k, k + length) in names
                        break
                if grown:
                    break
        # 4t. no name right after a name that starts with an adverb the surname list shares: 宋美玲|曾代其收受 is
        # "once, for him", not a second person
        for span in list(names):
            s1, e1 = span
            if text[s1] in "曾也还又就已都再" and self.anonymised_at(text, s1) is None \
                    and any(e2 == s1 for (s2, e2) in names if (s2, e2) != span):
                del names[span]
        # 4h. a two-character name followed, every time it is written (twice or more), by the same character that
        # can end a name: the segmenter split off the given name's second character (刘小|易。… 刘小|易的)
        self._extend_split_names(text, names)
        self._shorten_glued_names(text, names)
        # 4n. a three-character name the segmenter cut the same way, surname and first character | last character,
        # at three mentions or more, with a cue at one of them (对柯果|雪, 纵容董松|肖、)
        for span in self._recurring_split_names(text, tokens, token_starts, token_ends):
            if not overlaps(*span, list(names)):
                add_name(*span, strong=False)
        # 4l. a "name" that elsewhere in the text is a village's, a town's, an estate's or a street's: 黄柳和寨口
        # 合并 … 黄柳村的路; 金悦城物业
        for span in list(names):
            word = text[span[0]:span[1]]
            if self.anonymised_at(text, span[0]) is None and not names[span]["titles"] \
                    and _PLACE_ELSEWHERE.search(word) is None and _followed_elsewhere(text, word, _PLACE_ELSEWHERE):
                del names[span]
        # 4p. a "name" that elsewhere in the text has a project or builders is a project's (杜花路项目,
        # 杜花路施工方), or starts a firm's name (夏荣大宗商品平台有限公司 … 5、夏荣购销汇)
        for span in list(names):
            word = text[span[0]:span[1]]
            if not names[span]["strong"] and not names[span]["titles"] and self.anonymised_at(text, span[0]) is None \
                    and any(_followed_elsewhere(text, word, after) for after in (_PROJECT_AFTER, _FIRM_ELSEWHERE)) \
                    and not _followed_elsewhere(text, word, _PERSON_PREDICATE):
                del names[span]  # (but 陈立军项目上… 陈立军是村主任的亲戚: another mention speaks of a person)
        # 4n. a numbered list of names and sums whose item's name was cut to two characters: 2、汤志|为88万元
        for span in list(names):
            s0, e0 = span
            if e0 - s0 == 2 and text[e0 + 1:e0 + 2].isdigit() and "\u4e00" <= text[e0] <= "\u9fff" \
                    and text[e0] not in _NOT_IN_NAME and self.anonymised_at(text, s0) is None \
                    and self._numbered_item(text, s0, e0 + 1) and (s0, e0 + 1) not in names:
                names[(s0, e0 + 1)] = names.pop(span)
        # 4r. the writer's signature before the date at the end of the letter: …请核查。卜某某2021年3月7日, or
        # right after it: …2019-11-11刘某华, or alone after the last sentence when jieba's part-of-speech model reads
        # it as a name: …得到制裁。刘海燕
        alone = _SIGNATURE_AT_END.search(text, max(0, len(text) - 8)) if len(text) >= 30 else None
        for m in [*_SIGNATURE.finditer(text, max(0, len(text) - 40)),
                  *_SIGNATURE_AFTER_DATE.finditer(text, max(0, len(text) - 30)), *([alone] if alone else [])]:
            s0, e0 = m.span("name")
            surname = self.surname_at(text, s0)
            if (s0, e0) in names and not names[(s0, e0)]["titles"]:
                names[(s0, e0)]["party"] = "petitioner"  # a list's last name, signing: the writer
            elif surname is not None and self._plain_word(m.group("name"), surname, single_word_ok=m is not alone) \
                    and not self._frequent_word(m.group("name"), m.group("name")[len(surname):]) \
                    and not overlaps(s0, e0, list(names)) and not overlaps(s0, e0, title_spans) \
                    and (m is not alone or _posseg_name(text[s0:e0], 0, e0 - s0)):
                add_name(s0, e0, strong=True, party="petitioner")
        for m in _SIGNED_RUN.finditer(text):
            signers = self._signers(text, m.start("run"), m.end("run"))
            for s0, e0 in signers:
                if not overlaps(s0, e0, title_spans):
                    add_name(s0, e0, strong=True, party="petitioner")  # the letter's signers, written together
            if signers:
                continue
            k = m.start("run")
            for word, flag in _posseg_words(m.group("run")):
                surname = self.surname_at(text, k)
                if (flag == "nr" and 2 <= len(word) <= 3 and surname is not None
                        and self._plain_word(word, surname, single_word_ok=True)
                        and not overlaps(k, k + len(word), title_spans)):
                    add_name(k, k + len(word), strong=True, party="petitioner")  # the letter's signers
                k += len(word)
        for m in _NAME_IN_BRACKETS_AFTER.finditer(text):
            s0, e0 = m.span("name")
            if (s0, e0) in names:
                if m.group("who") in ("我", "本人") and not names[(s0, e0)]["titles"]:
                    names[(s0, e0)]["party"] = "petitioner"
            elif not overlaps(s0, e0, title_spans) \
                    and (self._plain_name(text, s0, e0, single_word_ok=True) or self.anonymised_at(text, s0) == e0):
                add_name(s0, e0, strong=True, party="petitioner" if m.group("who") in ("我", "本人") else None)
        # 4s. a name right after a village group's name, which the segmenter glued to the surname: 我们组冯某某家,
        # 下塘组郑某某多年前
        for m in _AFTER_GROUP.finditer(text):
            p = m.end()
            surname = self.surname_at(text, p)
            if (surname is None or overlaps(p, p + 1, title_spans) or self.anonymised_at(text, p) is not None
                    or surname in _FUNCTION_SURNAMES | _WORD_SURNAMES | _ADVERB_SURNAMES
                    or text[p - 1:p + 1] in self.tags):
                continue  # 组成|部分, 七组和|八组: a word, not a group and a name
            for end in (p + len(surname) + 2, p + len(surname) + 1):
                if end - p == 3 and text[p + 1] == "家" and text[p + 2] in _FAMILY_PLACE_END:
                    continue  # 枫木组杨家冲: a hamlet
                if self._plain_name(text, p, end) and _GROUP_NAME_END.match(text, end) \
                        and not (end - p == len(surname) + 1 and text[end - 1:end + 1] in self.tags) \
                        and not overlaps(p, end, list(names)):  # 本组王|大家: "everyone", no given name
                    add_name(p, end, strong=False)
                    break
        # 4t. the writer's name at the very end, after a petitioner's cue and their unit or village: 举报人：某厂 刘某
        m = _END_SIGNATURE.search(text, max(0, len(text) - 40))
        if m is not None and self.surname_at(text, m.start("name")) is not None \
                and self._plain_name(text, m.start("name"), m.end("name"), single_word_ok=True) \
                and not overlaps(m.start("name"), m.end("name"), list(names) + title_spans):
            add_name(m.start("name"), m.end("name"), strong=True, party="petitioner")
        # 4q. the other items of a numbered list of names, once three of its items are names: 1曹某、2张某某、3艾某
        items = sorted(self._numbered_items(text))
        if len(items) >= 3 and sum(any(a == k for a, _ in names) for k in items) >= 3:
            for k in items:
                item = re.match("[\u4e00-\u9fff]{2,3}(?=$|[、，,；; \u3000\n0-9。？?])", text[k:k + 4])
                if item is not None and self.surname_at(text, k) is not None \
                        and not any(ch in _NEVER_IN_NAME for ch in item.group(0)) \
                        and item.group(0) not in self.lexicon.nonnames and not overlaps(k, k + item.end(), list(names)):
                    add_name(k, k + item.end(), strong=False)
        # 4o. a "name" listed between places (at any of its mentions) is a place: 竹子湾、X、栗树堡;
        # 西部黄岗，横市，…
        weak = [sp for sp, info in names.items() if not info["strong"] and not info["titles"]]
        listed: set[str] = set()
        for word in {text[a:b] for a, b in weak}:
            starts = occurrences(text, word)
            among = [k for k in starts if self._listed_with_places(text, k, k + len(word))
                     and not any(a < k - 1 and k - 1 - a <= 6 and text[b:b + 1] in "、，," or a == k + len(word) + 1
                                 or (k in items and a in items and a != k)  # 1甲、2乙、3丙: names by number
                                 for a, b in names)
                     and not _GROUP_AFTER.search(text, k + len(word), k + len(word) + 16)]  # 张京城、欧梅芳、李某等人
            if among and 3 * len(among) >= len(starts):
                listed.add(word)
        for span in weak:
            if text[span[0]:span[1]] in listed:
                del names[span]
        # 4e. a "name" that elsewhere in the text has employees, shops or courses is a firm's: 福瑞斯老师 … 福瑞斯员工;
        # one that elsewhere runs into a school's or a kindergarten's word is the school's:
        # 芭比罗幼儿|停招 … 芭比罗幼儿园
        for span in list(names):
            word = text[span[0]:span[1]]
            if self.anonymised_at(text, span[0]) is None and (
                    _followed_elsewhere(text, word, _FIRM_TAIL)
                    or (not names[span]["strong"] and any(_INSTITUTION_AFTER.match(text, k + i)
                                                          for k in occurrences(text, word)
                                                          for i in range(1, len(word))))
                    or (not names[span]["strong"] and not names[span]["titles"]
                        and any(_school_named_after(text, k + len(word)) for k in occurrences(text, word)))):
                del names[span]
        # 4w. well-known persons (lexicon_known_persons.txt: 聂耳, 比尔·盖茨) wherever the segmenter leaves the
        # name whole — it starts and ends a word (聂耳|的, not 望子成龙) — replacing shorter names found inside it
        # (a name that a title or a cue found already stays as it is)
        for s0, e0 in self._known_persons(text, token_starts, token_ends):
            inside = [sp for sp in names if s0 <= sp[0] and sp[1] <= e0]
            if (s0, e0) in names or any(names[sp]["titles"] for sp in inside) \
                    or overlaps(s0, e0, [sp for sp in names if sp not in inside]):
                continue
            for sp in inside:
                del names[sp]  # 埃德温·|达尔文: a part of the name
            add_name(s0, e0, strong=True)
            if (s0, e0) in names:
                names[(s0, e0)]["known"] = True
        # 5. attach unnamed titles to a name in front: 张三，男，…，系东关镇柳树村党支部书记
        named_spans = sorted(names)
        for t in titles:
            if t.named:
                continue
            lead = text[:t.start]
            if not _ATTACH_TRIGGER.search(lead.rstrip("原")):
                # the body may sit between the trigger and the title
                k = t.start
                while k > 0 and text[k - 1] not in _HARD_STOP and t.start - k < 25:
                    k -= 1
                    if _ATTACH_TRIGGER.search(text[:k]) and k > 0:
                        break
                else:
                    continue
                if not _ATTACH_TRIGGER.search(text[:k]):
                    continue
            sentence_start = max(text.rfind(ch, 0, t.start) for ch in "。！？\n;；") + 1
            before = [sp for sp in named_spans if sentence_start <= sp[0] and sp[1] <= t.start]
            if before:
                if _KIN_AFTER_TITLE.match(text, t.end):
                    add_name(*before[0], strong=True)  # 张三是村主任的儿子: a person, the title-holder's relative
                else:
                    add_name(*before[0], strong=True, title=t)
        return self._assemble(text, titles, names, places)

    def _known_persons(self, text: str, token_starts: set[int], token_ends: set[int]) -> list[tuple[int, int]]:
        """Spans of well-known persons' names that start and end a segment (the longest at each start), with the
        other parts of a dotted name (埃德温·|达尔文); except where a two-character name is followed by a lone
        character, which may be a third or the start of the next word (聂耳|平|说, 更|高更|远), where a common
        surname stands right before it at any mention (冯|聂耳: another person's given name), where at any mention
        it names something called after the person (聂耳|大道 … 到聂耳, 莫扎特|小学), and in the title of a work
        (《达尔文的一生》).
        """
        out: list[tuple[int, int]] = []
        taken = 0
        for s in sorted(token_starts):
            if s < taken:
                continue
            for name in self.known.get(text[s:s + 2], ()):
                e = s + len(name)
                if not text.startswith(name, s) or e not in token_ends:
                    continue
                if len(name) == 2 and e + 1 in token_ends and "\u4e00" <= text[e:e + 1] <= "\u9fff" \
                        and text[e] not in _NEVER_THIRD:
                    break
                if any(text[k - 1:k] in self.common and text[k - 1] not in _FUNCTION_SURNAMES | _ADVERB_SURNAMES
                       for k in occurrences(text, name)):
                    break  # 被告人冯|聂耳: the given name of another person (at any mention)
                if _followed_elsewhere(text, name, _NAMED_AFTER_PERSON):
                    break  # 到聂耳 … 聂耳大道: the place, at every mention
                if text.rfind("《", 0, s) > text.rfind("》", 0, s) and "》" in text[e:e + 30]:
                    break  # 《达尔文的一生》: the title of a work
                s1, e1 = s, e  # 埃德温·|达尔文, 达尔文|·巴尔顿: the other parts of a dotted name
                while text[e1:e1 + 1] in _NAME_DOTS and (m := _TRANSLIT_RUN.match(text, e1 + 1)):
                    e1 = m.end()
                while text[s1 - 1:s1] in _NAME_DOTS and s1 > 1 and text[s1 - 2] in _TRANSLIT_CHARS:
                    s1 -= 1
                    while s1 > 0 and s - s1 < 20 and text[s1 - 1] in _TRANSLIT_CHARS:
                        s1 -= 1
                out.append((s1, e1))
                taken = e1
                break
        return out

    def _numbered_items(self, text: str) -> frozenset[int]:
        """Where the items of numbered lists start in ``text`` (after 1, 2、, 31. …); found once per text."""
        cached = self._items_cache
        if cached[0] is not text:
            cached = self._items_cache = (text, frozenset(m.end() for m in _NUMBERED_ITEM.finditer(text)))
        return cached[1]

    def _numbered_item(self, text: str, s: int, end: int) -> bool:
        """text[s:end] is an item of a numbered list (three items or more) of names: 代表：1曹某、2张某某、… 31.刘某
        (the number after a separator, the item ending at a separator, a space or the next number)."""
        items = self._numbered_items(text)
        return s in items and len(items) >= 3 \
            and (end == len(text) or text[end] in "、，,；; \u3000\n。？?" or text[end].isdigit())

    @staticmethod
    def _listed_with_places(text: str, s: int, e: int) -> bool:
        """The item before or after text[s:e] in a list is a place's name (ends in 湾, 堡, 村 …): up to six
        characters in a list with 、, two or three (市, 县 and 区 too) in one with commas."""
        for seps, longest, ends in (("、", 6, (_PLACE_END_CHARS | _FAMILY_PLACE_END | _ESTATE_END) - set("家店")),
                                    ("，,", 3, (_PLACE_END_CHARS | _FAMILY_PLACE_END | set("市县区")) - set("家店"))):
            if s > 0 and text[s - 1] in seps:
                cut = max(text.rfind(ch, 0, s - 1) for ch in "、，,。；;：:！？\n（(") + 1
                if (s - 1 - cut >= 2 if seps == "、" else 2 <= s - 1 - cut <= longest) and text[s - 2] in ends:
                    return True  # 楼盘翠湖城、金X茂: before 、 the item may be longer, its end says place
            if text[e:e + 1] and text[e] in seps:
                nxt = re.match(f"[^、，,。；;：:！？\n（()）]{{2,{longest}}}", text[e + 1:])
                if (nxt is not None and nxt.group(0)[-1] in ends
                        and (text[e + 1 + nxt.end():e + 2 + nxt.end()] in ("、", "，", ",", "。")
                             or nxt.end() < longest)):
                    return True
        return False

    def _extend_split_names(self, text: str, names: dict[tuple[int, int], dict]) -> None:
        for s, e in sorted(names):
            if (s, e) not in names:
                continue
            surname = self.surname_at(text, s)
            word = text[s:e]
            if surname is None or len(word) != len(surname) + 1 or self.anonymised_at(text, s) is not None:
                continue
            starts = occurrences(text, word)
            following = {text[k + len(word):k + len(word) + 2] for k in starts}
            if len(starts) < 2 or len({f[:1] for f in following}) != 1:
                continue
            c = text[e:e + 1]
            if not c or not "\u4e00" <= c <= "\u9fff" or c in _PLACE_OR_BODY_CHARS or c in _PLACE_END_CHARS:
                continue
            if c in _NOT_THIRD_FULL or c in _NOT_THIRD or c in _NOT_IN_NAME:
                # a verb or an adverb with nothing it could govern after it is a given name's character: 陈阳向和朱立…,
                # 周平再，… (but never 的, 了, 说 …)
                stops = "和，,。；;、（(" if c == "向" else "，,。；;、（("
                if c in _NEVER_THIRD or not any(f[1:2] in stops for f in following) \
                        or (c != "向" and any(f[1:2] == "和" for f in following)):
                    continue
            longer = word + c
            if longer in self.lexicon.nonnames or not self.tags.get(longer, "nr").startswith("nr") \
                    or any(self._word_at(text, k + len(word)) for k in starts):
                continue  # 王强|打架: a word starts after the name
            spans = [(k, k + len(longer)) for k in starts]
            for span in list(names):
                if any(span[0] < b and a < span[1] for a, b in spans) and text[span[0]:span[1]] != word:
                    del names[span]  # 由何|梅咏提|走: a "name" cut across the longer one
            for k in starts:
                info = names.pop((k, k + len(word)), None) or {"strong": False, "titles": [], "party": None}
                names[(k, k + len(longer))] = info

    def _join_split_names(self, text: str, tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        """A three-character name the segmenter cut after its second character (刘诗|诗, 陈士|渠) is one token when
        a cue or a title stands next to it and jieba's part-of-speech model, which knows names better than the plain
        cut, reads the three as one name (not 正, "now", before a verb: 名叫孙尧|正|利用). A preposition the segmenter
        glued to a surname (经梁|金宝) is split off when that model reads the surname and the next word as a name."""
        out: list[tuple[str, int, int]] = []
        k = 0
        while k < len(tokens):
            w, s, e = tokens[k]
            third, third_start, end = tokens[k + 1] if k + 1 < len(tokens) else ("", e, e)
            if len(w) == 2 and len(third) == 1 and third_start == e and "\u4e00" <= third <= "\u9fff" \
                    and third not in _NOT_IN_NAME and third not in _NOT_THIRD_FULL and third != "正" \
                    and self.surname_at(text, s) is not None and w not in self.tags \
                    and (self._person_word_before(text, s) or self._left_cue(text, s)
                         or self._long_right_cue(text, end)) \
                    and _posseg_name(text[max(0, s - 4):e + 5], s - max(0, s - 4), 3):
                out.append((w + third, s, end))
                k += 2
                continue
            if len(w) == 2 and w[0] in _BEFORE_GLUED_NAME and third_start == e and 1 <= len(third) <= 2 \
                    and all("\u4e00" <= ch <= "\u9fff" and ch not in _NOT_IN_NAME for ch in third) \
                    and self.surname_at(text, s + 1) == w[1] and w[1] not in _FUNCTION_SURNAMES \
                    and _posseg_name(text[max(0, s - 4):end + 5], s + 1 - max(0, s - 4), 1 + len(third)):
                # 经梁|金宝|牵线, 由伍|文斌|垫付: the segmenter glued the preposition to the surname; jieba's
                # part-of-speech model reads the surname and what follows as one name
                out.append((w[0], s, s + 1))
                out.append((w[1] + third, s + 1, end))
                k += 2
                continue
            out.append(tokens[k])
            k += 1
        return out

    def _recurring_split_names(self, text: str, tokens: list[tuple[str, int, int]], token_starts: set[int],
                               token_ends: set[int]) -> list[tuple[int, int]]:
        """Spans of a surname, a given name's first character and its last, written three times or more and cut
        by the segmenter after the second character at three mentions at least (柯果|雪 … 柯果|雪在 … 对柯果|雪): a
        name the dictionary does not know, not a word (the whole is no dictionary word, its last character can
        end a name), with a cue at one mention."""
        out: list[tuple[int, int]] = []
        seen: set[str] = set()
        for k in range(len(tokens) - 1):
            w, s, e = tokens[k]
            c = tokens[k + 1][0]
            if len(w) != 2 or len(c) != 1 or w + c in seen:
                continue
            word = w + c
            seen.add(word)
            if text.count(word) < 3:
                continue  # most token pairs: written once or twice, nothing to learn from
            surname = self.surname_at(text, s)
            if surname != w[0] or surname in _FUNCTION_SURNAMES | _WORD_SURNAMES | _ADVERB_SURNAMES \
                    or not "\u4e00" <= c <= "\u9fff" or c in _NOT_IN_NAME or c in _NOT_THIRD or c in _NOT_THIRD_FULL \
                    or c in _NEVER_THIRD or c in _PLACE_OR_BODY_CHARS or c in _PLACE_END_CHARS or c in _OFFICE_END \
                    or c in _BUSINESS_END or c in _ESTATE_END or w[1] in _NOT_IN_NAME or w[1] in "家组村乡镇县":
                continue
            if word in self.tags or word in self.lexicon.nonnames or self.freqs.get(w, 0) >= _FREQUENT_NAME_WORD \
                    or self.tags.get(w[1:] + c, "nr")[:1] not in ("n", "") or self.anonymised_at(text, s) is not None \
                    or self.tags.get(c, "nr").startswith(_WORD_TAGS + ("ns",)) or surname not in self.common:
                continue
            starts = occurrences(text, word)
            cut = [k2 for k2 in starts if k2 in token_starts and k2 + 2 in token_ends and k2 + 3 in token_ends]
            if len(cut) < 3 or 3 * len(cut) < 2 * len(starts) or any(self._word_at(text, k2 + 2) for k2 in starts):
                continue  # 华润置|地: the last character starts a word
            if w in self.tags and (len(starts) < 5 or sum(self._left_cue(text, k2) or _LEFT_CUE_RE.search(
                    text, max(0, k2 - 6), k2) is not None for k2 in cut) < 2):
                continue  # 公交|卡, 印子|屋: a rare noun and one more is a noun unless written often, with cues
            if not any(self._has_cue(text, k2, k2 + 3) for k2 in cut) \
                    or any(_PLACE_AFTER.match(text[k2 + 3:k2 + 6])
                           or (text[k2 + 3:k2 + 4] in _PLACE_OR_BODY_CHARS and text[k2 + 3:k2 + 5] not in self.tags)
                           for k2 in starts):  # 柯果|雪|处于 is "is in"; 董松|肖|局 would be a body
                continue
            out.extend((k2, k2 + 3) for k2 in cut)
        return out

    def _shorten_glued_names(self, text: str, names: dict[tuple[int, int], dict]) -> None:
        """A three-character name written once whose first two characters stand elsewhere in the text before
        other characters: the third was the next word's (警官魏钧|能不能 … 魏钧|报告 … 魏钧|说)."""
        for s, e in sorted(names):
            if (s, e) not in names:
                continue
            surname = self.surname_at(text, s)
            word = text[s:e]
            if surname is None or len(word) != len(surname) + 2 or self.anonymised_at(text, s) is not None \
                    or text.count(word) != 1:
                continue
            short = word[:-1]
            following = {text[k + len(short):k + len(short) + 1] for k in occurrences(text, short)}
            if len(following) < 3 or short in self.lexicon.nonnames or not self.tags.get(short, "nr").startswith("nr"):
                continue
            info = names.pop((s, e))
            if (s, e - 1) not in names:
                names[(s, e - 1)] = info

    def _adverb_first(self, text: str, p: int, end: int) -> bool:
        """The "name" after a title or a cue starts with an adverb or a modal verb that is also a surname
        (都, 应), and neither the anonymised form nor the dictionary says name."""
        return text[p] in _ADVERB_SURNAMES and self.anonymised_at(text, p) is None \
            and not self.tags.get(text[p:end], "").startswith("nr") and self._tagged_name_end(text, p) != end

    @staticmethod
    def _place_like(text: str, word: str, end: int) -> bool:
        return word[-1] in _PLACE_END_STRICT or word[-1] in _ESTATE_END \
            or _PLACE_AFTER_STRICT.match(text[end:end + 4]) is not None

    def _tagged_name_ok(self, word: str) -> bool:
        return 2 <= len(word) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in word) \
            and word not in self.lexicon.nonnames

    def _common_word(self, text: str, p: int, end: int, word_at: dict[int, str]) -> bool:
        """The segmenter cut a word at p that covers text[p:end] (信箱, 强烈反感) and the dictionary knows
        that word as something other than a name."""
        token = word_at.get(p)
        if token is None or self.anonymised_at(text, p) is not None:
            return False
        tag = self.tags.get(token)
        head = text[p:p + 2]
        if head != token and not self.tags.get(head, "nr").startswith("nr") \
                and self.freqs.get(head, 0) >= _FREQUENT_HEAD_WORD:
            return True  # 主管的|司法厅: a frequent word begins what follows the title
        if (len(token) == 2 and token[1] == "家" and end - p == 3 and self.surname_at(text, p) == token[0]
                and text[p + 2] not in _NOT_THIRD_FULL and text[p + 2] not in _NOT_IN_NAME
                and not self._word_at(text, p + 2)):
            return False  # 爸爸叫文家|善: 家 as a given name's first character (but 村民王家|的房子)
        if len(token) < end - p:  # 市长|信箱|里: a noun or a verb the segmenter cut starts the "name"
            return len(token) >= 2 and token not in self.compound and (
                tag in _NOUN_VERB_TAGS
                or (tag is not None and tag.startswith("nr") and token[1] != "家"
                    and self.freqs.get(token, 0) >= _FREQUENT_NAME_AFTER_TITLE))  # 组长|盖章|后
        return tag is not None and not tag.startswith("nr") \
            and not (tag == "ns" and self.freqs.get(token, 0) < _FREQUENT_NAME_WORD)  # 股东苏丽娜: a rare place word

    def _bare_name_ok(
        self, text: str, word: str, s: int, end: int, surname: str, before_title: bool = False,
        word_at: dict[int, str] | None = None,
    ) -> bool:
        """A name found with no title (or, ``before_title``, right before a bare role title such as 局长):
        dictionary and context decide."""
        given = word[len(surname):]
        given_tag = self.tags.get(given)
        cue = before_title or self._has_cue(text, s, end) or self._numbered_item(text, s, end)
        if not before_title:
            if text[end:end + 1] and text[end] in _PLACE_OR_BODY_CHARS:
                return False  # 任青石|县委书记: a place or body follows, not a person
            if self._place_like(text, word, end):
                return False  # 林溪路, 石家岭|幼儿园 even next to a cue word
            if text[s - 1:s] == "《":
                return False  # 《龙力勃强身胶囊》: a title's or a product's first characters
            if _AREA_BEFORE.search(text, max(0, s - 3), s) and not self._left_cue(text, s):
                return False  # 五一街道|邵坪塘, 城北地区|柳巧: a place inside the area just named
            if _DOC_NUMBER_AFTER.match(text, end):
                return False  # 汪建建[2015]76号: a body's short name before a document's year
            company = _COMPANY_NEAR.search(text, end, end + 8)
            if company is not None and company.start() - end <= 6 and text[end:end + 1] not in "，,。、；的":
                return False  # 温州金龙船务有限公司, 康恩贝制药股份: the start of a firm's name
            estate = _ESTATE_NEAR.match(text, end)
            if estate is not None and not cue \
                    and all(ch not in _NOT_THIRD and ch not in _NEVER_THIRD for ch in estate.group("gap")):
                return False  # 尚心海|悦3栋, 万坤图|财富广场: the start of an estate's or a square's name
            if surname == "任" and s > 0 and (text[s - 1] in _BEFORE_SERVING or text[s - 1].isdigit()):
                return False  # 至今任|金龙机电, 2011年任|鼎捷软件: 任 is "served as"
            if (s > 0 and text[s - 1] in _OPEN_QUOTES and text[end:end + 1] in _CLOSE_QUOTES) \
                    or text[s - 1:s] == "·":
                return False  # “金禾汇”KTV, 蓝光·雍景: a shop, a brand or an estate in quotation marks
            nxt = (word_at or {}).get(end, "")
            nxt_tag = self.tags.get(nxt, "n")
            if len(nxt) >= 2 and not nxt_tag.startswith("nr") \
                    and (nxt.endswith(_SITE_WORD_ENDS) or (nxt[-1] in "园苑阁城" and nxt_tag.startswith("n"))):
                return False  # 万禾|山水园, 金羽鸟|五一广场: a name before an estate, a park or a square is the place's
            if surname in _NEVER_BARE_SURNAMES and len(given) >= 2 and given_tag \
                    and not given_tag.startswith("nr"):
                return False  # 这段|时间, 路段|规划, 居民区|建筑 even with a cue-like word after them
            if not self._left_cue(text, s) and _FIRM_AFTER.match(text, end):
                return False  # 福瑞斯|员工, 刘刘烤|面筋店: a firm or a shop
            if _RESIDENT_AFTER.match(text, end) and not self._left_cue(text, s):
                return False  # 金湖悦|的一名业主: an estate's owners, not a person's
            if any(_INSTITUTION_AFTER.match(text, k) for k in range(s + 1, end)):
                # 芭比罗|幼儿|园, 黄|西安|置小区: a kindergarten's or an estate's name, cut inside its last word
                return False
            school = _SCHOOL_AFTER.match(text, end)
            if school is not None and all(ch not in _NOT_IN_NAME for ch in school.group(1)):
                return False  # 金华梅|溪湖中学: the start of a school's or a hospital's name
            if (not self._left_cue(text, s) and not self._group_named(text, s, end)
                    and (word[-1] in _PLACE_END_CHARS or word[-1] in _BUSINESS_END
                         or _PLACE_AFTER.match(text[end:end + 3]))):
                return False  # 柳月湖, 林秀|大道 (but 毛清道等人: only persons are "and the others")
            if len(word) == 3 and word[1] == "家" and word[2] in _FAMILY_PLACE_END:
                return False  # 吴家山, 薛家洼: a village or a hill
            if s > 0 and (text[s - 1].isdigit() or text[s - 1] in CHINESE_NUMERAL_CHARS) \
                    and not self._numbered_item(text, s, end):
                return False  # 近30|万人口: a numeral runs into the surname character
        if word in self.lexicon.nonnames or any(ch in _NOT_IN_NAME or not "\u4e00" <= ch <= "\u9fff" for ch in given) \
                or word.startswith("谢谢"):
            return False  # …, 谢谢杨|书记: thanks, not the surname 谢
        tag = self.tags.get(word)
        if tag is not None and not tag.startswith("nr"):
            return False
        if len(word) >= 3:
            head = self.tags.get(word[:2])
            if head is not None and not head.startswith("nr"):
                return False  # 银行|卡
        if given_tag is not None and given_tag.startswith(_WORD_TAGS) \
                and not (before_title and len(given) == 2 and (s == 0 or text[s - 1] in "的，,。、：: ")) \
                and not ((before_title or ((self._left_cue(text, s) or text.startswith(("（化名", "(化名"), end)
                                            or _named_after_institution(text, s, end))
                                           and surname not in _FUNCTION_SURNAMES | _WORD_SURNAMES | _ADVERB_SURNAMES
                                           and given not in _NOT_THIRD
                                           and (text[end:end + 1] in _NOT_IN_NAME or text[end:end + 1] in _NOT_THIRD
                                                or not "\u4e00" <= text[end:end + 1] <= "\u9fff")))
                         and len(given) == 1 and (word_at or {}).get(s) == word
                         and given not in "姓分" and given not in self.common):
            return False  # 林|登高 is a verb, but 看诊的林登高医生 names the doctor, 叫了宋鸣 (one word) a person
        if given in _NOT_GIVEN or given[0] == "记":
            return False  # 老板, 先生 …; 段记 (夜宵), 黄记|炖粉: a shop's name, "X's"
        if surname in _FUNCTION_SURNAMES and given[0] in _NOT_THIRD:
            return False  # 老板那|拿回: a demonstrative before a verb, not the surname 那
        if given[0] in "组村乡镇县":
            return False  # 学田组|到: a village group's name, not a person
        if len(given) == 2 and given[-1] == "氏":
            return False  # 蒙班氏: a clan's or a method's name, not a person
        if len(word) == 3 and surname in _WORD_SURNAMES and not cue:
            return False  # 高二才, 付完款, 易老化: a word with a surname's character, nothing says person
        if len(word) == 3 and word[0] == word[1] and not cue:
            return False  # 毛毛虫, 丁丁猫: a doubled character starts a word, not a surname and its given name
        if surname == "段" and text[s - 1:s] and text[s - 1] in "）)路街巷道桥线":
            return False  # （…至…）段|路幅不够, 东风路段: 段 is a stretch of the road just named, not the surname
        if _NUMBERED_PLACE.fullmatch(given):
            return False  # 南二环, 东三路: a ring road or a numbered street
        if not before_title and self._frequent_word(word, given) and not self._left_cue(text, s):
            return False  # 安静, 温馨 (jieba calls them names), 欧|大厦, 何|道理: a common word, nothing says person
        if not before_title and surname in _FUNCTION_SURNAMES and not self._left_cue(text, s):
            return False  # 向|大恒, 于|泉塘, 和|夏婷: a preposition or a conjunction, not a surname
        common = surname in self.common
        if self._native_of(word):
            return False  # 安徽人: someone from Anhui
        if surname == "区" and not self._left_cue(text, s):
            return False  # 区政府、区人社: a district's office, not the surname 区
        if surname == "张" and text[s - 1:s] and text[s - 1] in "了一两这那每几整单":
            return False  # 办了张|面值…的卡: 张 counts a card or a sheet here
        if given[0] in "不没未几":
            return False  # 段|不亮 ("does not light"), 黄几子: a negation or "how many", not a given name
        if given[0] == "之" and _LEFT_CUE_RE.search(text, max(0, s - 6), s) is None:
            return False  # 国之兴, 春夏之交: "of", a classical phrase (but 我与李之恒合伙)
        if len(word) == 3 and word[-1] in _OFFICE_END:
            return False  # 农饮办, 林权证, 公摊率: an office, a certificate, a rate
        if len(word) == 3 and word[0] == word[2] and word[1] in "一了":
            return False  # 查一查, 看了看
        if len(given) == 2 and given[0] in "一二两三四五六七八九十几" and given[1] in "人名个位户":
            return False  # 白杨|三人: a count of persons after a word, not a given name
        if given[-1] in "一二三四五六七八九十" and text[end:end + 1] in ("、", "栋", "号", "楼", "单", "层", "期"):
            return False  # 碧桂林居三、四栋: a numbered building, not a given name
        if len(given) == 2:
            return common or cue
        return cue and (common or tag is not None)

    def _handle_is_word(self, handle: str) -> bool:
        """A quoted "handle" that is a dictionary word other than a name (网友“建议”): not a person's."""
        tag = self.tags.get(handle)
        return tag is not None and not tag.startswith("nr") and len(handle) <= 4

    def _plain_name(self, text: str, s: int, e: int, single_word_ok: bool = False) -> bool:
        """text[s:e] is a surname and a given name of one or two characters, neither a word nor anything that
        cannot be in a name. ``single_word_ok``: a one-character given name may be a word (鸣, 强)."""
        surname = self.surname_at(text, s)
        return surname is not None and 1 <= e - s - len(surname) <= 2 \
            and self._plain_word(text[s:e], surname, single_word_ok)

    def _quoted_name_ok(self, text: str, s: int, e: int) -> bool:
        """A plain name in quotation marks that is no frequent word (什么叫“安静”)."""
        surname = self.surname_at(text, s)
        return self._plain_name(text, s, e, single_word_ok=True) \
            and not self._frequent_word(text[s:e], text[s + len(surname or ""):e])  # 叫“潘焯”

    def _list_item_ok(self, item: str, surname: str) -> bool:
        """An item of a list of names (4q, 4s, 4u): no known non-name, and a given name of Chinese characters that
        can be in a name and are no numerals."""
        return item not in self.lexicon.nonnames and all(
            "\u4e00" <= ch <= "\u9fff" and ch not in _NOT_IN_NAME and ch not in CHINESE_NUMERAL_CHARS
            for ch in item[len(surname):])

    def _plain_word(self, word: str, surname: str, single_word_ok: bool = False) -> bool:
        """Surname and given name, neither a dictionary word nor anything that cannot be in a name."""
        given = word[len(surname):]
        tag = self.tags.get(word)
        return word not in self.lexicon.nonnames and (tag is None or tag.startswith("nr")) \
            and all("\u4e00" <= ch <= "\u9fff" and ch not in _NOT_IN_NAME for ch in given) \
            and given not in _NOT_GIVEN \
            and (not self.tags.get(given, "nr").startswith(_WORD_TAGS) or (single_word_ok and len(given) == 1))

    def _frequent_word(self, word: str, given: str) -> bool:
        """A frequent dictionary word that jieba tags as a name (安静 1199, 高明 791: mostly words, or names
        from history books), or a surname character before a frequent common noun, verb or adjective."""
        tag = self.tags.get(word, "")
        if len(word) == 2 and tag.startswith("nr") and self.freqs.get(word, 0) >= _FREQUENT_NAME_WORD:
            return True
        if len(word) == 3 and self.freqs.get(word[:2], 0) >= _FREQUENT_HEAD_WORD:
            return True  # 幸福感, 阳光房, 银杏嘉(园): a frequent word and one more character
        given_tag = self.tags.get(given, "")
        return len(given) == 2 and given_tag in _NOUN_VERB_TAGS \
            and self.freqs.get(given, 0) >= _FREQUENT_GIVEN_WORD

    @staticmethod
    def _left_cue(text: str, s: int) -> bool:
        return _STRONG_LEFT_CUE_RE.search(text, max(0, s - 6), s) is not None

    @staticmethod
    def _long_right_cue(text: str, e: int) -> bool:
        """A right cue of two characters or more follows (表示, 声称, 辩称; one-character cues are too often words)."""
        m = _RIGHT_CUE_RE.match(text, e)
        return m is not None and len(m.group(0)) >= 2

    def _has_cue(self, text: str, s: int, e: int) -> bool:
        if _LEFT_CUE_RE.search(text, max(0, s - 6), s) is not None:
            return True
        if _named_after_institution(text, s, e):
            return True
        m = _RIGHT_CUE_RE.match(text, e)
        if m is None:
            return False
        if len(m.group(0)) == 1:
            # a one-character cue that begins a word of its own is none: 胡镇|从事 (从 is no cue there)
            for n in (2, 3):
                tag = self.tags.get(text[e:e + n], "")
                if tag.startswith(("n", "v", "a")) and not tag.startswith("nr"):
                    return False
        return True

    # -- grouping and parts -------------------------------------------------------------------------------
    def _assemble(self, text: str, titles: list[TitleMention], names: dict, places: list[Place]) -> list[Person]:
        drafts: dict[str, PersonDraft] = {}
        order: list[str] = []
        for (s, e), info in names.items():
            longer = names.get((s, e + 1))
            if info["titles"] and longer is not None and not longer["titles"]:
                # 村报账员邹德|平一直 (平一 a word) cut short after its title, 邹德平 whole as a segment: the name
                # that the mentions will take (the longer) takes the title too
                longer["titles"].extend(info["titles"])
                longer["strong"] = True
        for (s, e), info in sorted(names.items()):
            name = text[s:e]
            draft = drafts.get(name)
            if draft is None:
                draft = drafts[name] = PersonDraft(name)
                order.append(name)
            draft.strong = draft.strong or info["strong"]
            draft.known = draft.known or info.get("known", False)
            draft.title_mentions.extend(info["titles"])
            if info["party"] == "petitioner":
                draft.party = "petitioner"
        # all mentions of each name (a name found once is found everywhere)
        claimed: list[tuple[int, int]] = []
        for name in sorted(order, key=len, reverse=True):
            draft = drafts[name]
            start = 0
            while True:
                k = text.find(name, start)
                if k < 0:
                    break
                span = (k, k + len(name))
                if not any(a < span[1] and span[0] < b for a, b in claimed):
                    draft.mentions.append(span)
                    claimed.append(span)
                start = k + 1
        # role-only persons
        role_only: dict[str, PersonDraft] = {}
        for t in titles:
            if t.named or t.title in self.lexicon.weak_titles:
                continue
            if t.level == "unknown" and t.title in ("书记", "副书记", "主任", "副主任", "主席", "副主席", "部长",
                                                    "副部长", "党组成员", "党组书记", "党组副书记", "委员", "组长"):
                continue
            if text[t.end:t.end + 1] in ("、",) and not t.title.startswith(_ADMIN_CHARS):
                nxt = text.find("、", t.end)
                del nxt
            if any(s < t.end and t.start < e for s, e in claimed):
                continue
            key = t.role
            draft = role_only.get(key) or next(
                (d for d in drafts.values() if any(tm.role == t.role for tm in d.title_mentions)), None)
            if draft is None:
                draft = role_only[key] = PersonDraft(None)
            if draft.name is None:
                draft.mentions.append((t.start, t.end))
            draft.title_mentions.append(t)
        persons = []
        ordered = [drafts[n] for n in order] + list(role_only.values())
        for draft in ordered:
            if not draft.mentions:
                continue
            best = None
            for tm in draft.title_mentions:
                if best is None or LEVEL_ORDER.index(tm.level) > LEVEL_ORDER.index(best.level):
                    best = tm
            if best is not None:
                draft.level = best.level
                draft.role = best.role if draft.name is None else best.role
            draft.party = draft.party or self._party(text, draft)
            draft.place = self._place(text, draft, places)
        self._parts_of_lists(text, [d for d in ordered if d.mentions and d.name])
        for draft in ordered:
            if draft.party == _NO_PART:
                draft.party = self._default_party(text, draft)
        for draft in ordered:
            if draft.mentions:
                persons.append(Person(draft.name, draft.role, draft.level, draft.party,
                                      tuple(sorted(set(draft.mentions))), draft.place))
        persons.sort(key=lambda p: p.mentions[0])
        return persons

    @staticmethod
    def _parts_of_lists(text: str, drafts: list[PersonDraft]) -> None:
        """Names listed with a petitioner's (求助人甲，乙，丙; 签名：甲、乙) are the writers too, and names listed
        with an accused's by 、 or 和 (甲、乙等人违规…) are accused too: a name with no part of its own ("other", or
        none yet) that only a list's separator parts from such a mention takes its part."""
        by_start = {s: d for d in drafts for s, _e in d.mentions}
        by_end = {e: d for d in drafts for _s, e in d.mentions}
        end_of = {s: e for d in drafts for s, e in d.mentions}
        starts = sorted(by_start)
        changed = True
        while changed:
            changed = False
            for d in drafts:
                if d.party not in _LIST_GAPS:
                    continue
                gap_re = _LIST_GAPS[d.party]
                for s, e in d.mentions:
                    gap = gap_re.match(text, e)
                    nxt = by_start.get(gap.end()) if gap else None
                    if nxt is not None and nxt.party in ("other", _NO_PART):
                        if _LIST_ITEM_END.match(text, end_of[gap.end()]):
                            nxt.party = d.party
                            changed = True
                    if d.party == "petitioner" and _SEX_AFTER.match(text, e):
                        # 分别是：甲，男，某县人，电话….乙，男，…: writers each described by their sex
                        i = bisect_right(starts, e)  # the next mention's start
                        s2 = starts[i] if i < len(starts) and starts[i] <= e + _DESCRIBED_ITEM_SPAN else None
                        if s2 is not None and by_start[s2].party in ("other", _NO_PART) \
                                and _SENTENCE_END.search(text, e, s2) is None and _SEX_AFTER.match(text, end_of[s2]):
                            by_start[s2].party = "petitioner"
                            changed = True
                    for k in range(s - 1, max(-1, s - 24), -1):  # the list's earlier item: 甲、|乙, 甲******|乙
                        prev = by_end.get(k)
                        if prev is not None and prev.party in ("other", _NO_PART) and gap_re.fullmatch(text, k, s):
                            prev.party = d.party
                            changed = True

    def _default_party(self, text: str, draft: PersonDraft) -> str:
        """The part of a named person no cue, title or list gave one: an item of a numbered list of the letter's
        signers is a petitioner; in a message that accuses or complains, the accused (the board's messages name
        mostly those they complain about), unless a mention is an item of a list, addressed or thanked, or the
        object, beneficiary or victim of a wrong; otherwise other."""
        if draft.title_mentions:
            return "other"  # a title's holder named with no blame (the titles decide in _party)
        items = self._numbered_items(text)
        if any(s in items and self._signed_list(text, s, items) for s, _e in draft.mentions):
            return "petitioner"  # 业主代表：1甲、2乙、3丙…: the letter's signers
        if not _ACCUSING.search(text):
            return "other"
        for s, e in draft.mentions:
            if s in items or (_LIST_SEPARATOR.search(text[max(0, s - 2):s]) and _LIST_SEPARATOR.match(text, e)):
                return "other"
            if _POLITE_BEFORE.search(text, max(0, s - 6), s) or text.startswith(("先生", "女士"), e) \
                    or _SEX_AFTER.match(text, e):
                return "other"
            before = _clause_before(text, s)
            if self.accused_re.search(before) or _OBJECT_BEFORE.search(before):
                return "other"  # 殴打村民X, 收受包工头X回扣, 为自己儿子X申报: the wrong's object, not its doer
        return "accused"

    @staticmethod
    def _signed_list(text: str, s: int, items: frozenset[int]) -> bool:
        """The numbered list whose item starts at s (items less than 16 characters apart) is the letter's signers:
        a signers' word stands right before its first item (业主代表：, 署名业主有：, 联名：), or nothing but a date
        follows its last item to the end of the text."""
        ordered = sorted(items)
        k = ordered.index(s)
        first = last = k
        while first > 0 and ordered[first] - ordered[first - 1] < 16:
            first -= 1
        while last + 1 < len(ordered) and ordered[last + 1] - ordered[last] < 16:
            last += 1
        if last - first < 2:
            return False
        start = ordered[first]
        return _SIGNERS_BEFORE.search(text, max(0, start - 14), start) is not None \
            or _SIGNED_LIST_END.fullmatch(text, ordered[last]) is not None

    def _party(self, text: str, draft: PersonDraft) -> str:
        addressed = [self._addressed(text, s, e, draft) for s, e in draft.mentions]
        if all(addressed):
            return "other"  # 尊敬的县委张书记：… the official the letter is written to, not one it accuses
        if any(self._writer_mention(text, s, e, draft) for s, e in draft.mentions):
            return "petitioner"  # 举报人张三, but 被举报人张三 is the accused
        if draft.level != "unknown":  # an official with a title, unless only addressed, thanked, quoted or appealed
            # to (尊敬的柯书记：…我们恳请柯书记督促…, 感谢陈书记…, 副省长张某出席会议并讲话)
            quiet = all(greeted or self._neutral_mention(text, s, e, draft)
                        for greeted, (s, e) in zip(addressed, draft.mentions, strict=True))
            return "other" if quiet else "accused"
        if any(_WRITERS_OWN_BEFORE.search(text, max(0, s - 10), s) for s, _e in draft.mentions):
            return "other"  # 我的朋友X曾举报过那处违建: the wrong is not the friend's
        for s, _e in draft.mentions:
            left = re.sub("(?:姓名|名字)$", "", text[max(0, s - 10):s].rstrip("：: "))  # 被举报人姓名：X
            if any(left.endswith(c) for c in ("被告人", "被举报人", "被反映人", "被投诉人", "被调查人", "犯罪嫌疑人",
                                              "举报", "反映", "检举", "控告", "投诉", "上诉人")) \
                    or (_OWNER_BEFORE.search(left) and (_COMPLAINT.search(text) or self.accused_re.search(text))):
                return "accused"  # (老板X in a complaint; 老板X进行了结算 in a plain account is no one accused)
        if draft.known:
            return "other"  # 借聂耳的名义…骗取: a well-known name is no one accused without a cue
        for _s, e in draft.mentions:  # the subject of a misconduct word in its clause: 孟某参与赌博
            if text[e:e + 1] in ("，", ","):
                e += 1  # 老赖刘某，拒不归还…: the name stands alone, its predicate is the next clause
            clause = _clause_after(text, e)
            if self.accused_re.search(clause) and not _NOT_AGENT_AFTER.match(clause):
                return "accused"
        return _NO_PART

    def _writer_mention(self, text: str, s: int, e: int, draft: PersonDraft) -> bool:
        """The mention at s..e names the writer: after a petitioner's cue, in a self-introduction, a signature, the
        writer's contact line or a visit form's name field."""
        left = text[max(0, s - 8):s]
        cue_left = left.rstrip("：: \u3000")  # 求助人：X
        return bool(
            any(cue_left.endswith(c) and not cue_left.endswith(tuple(w + c for w in _NOT_WRITERS_BEFORE))
                for c in self.lexicon.petitioner_cues)  # (not 被举报人X, 合同指定联系人X, 公司联系人X)
            or _CALLED_BEFORE.search(left)
            or _CALLED_AFTER_INTRO.search(text, max(0, s - 16), s)  # 我是…残疾人叫X
            or _SELF_INTRODUCED_AS.search(text, max(0, s - 24), s)  # 我是东关村村民代表X
            or (_SELF_NAMED_AFTER.search(text, max(0, s - 30), s)  # 我是城西社区村民，名叫X
                and not text.startswith("的", e))  # (…，名叫X的人: someone else)
            or _VISITORS_AFTER.match(text, e)  # 群众X等12人来访
            or _WE_BEFORE.search(text, max(0, s - 40), s)  # 我们张三、李四俩人; 我们是…农民工，分别是：X
            or _SIGNED_BEFORE.search(text, max(0, s - 6), s)  # 签名：张三，李四
            or (not draft.title_mentions and e >= len(text) - _SIGNATURE_TAIL
                and _CONTACT_AFTER.match(text, e)  # …张三（联系电话：…） near the end
                and not _ROLE_BEFORE_CONTACT.search(text, max(0, s - 6), s))
            or _SIGNS_AFTER.match(text, e)  # 张三执笔, 张三敬上, 张三实名举报
            or _NETIZEN_REPLIED.match(text, e)  # the board's reply to the writer: “张三”网友：您好
            or (_SIGNATURE_LAST.match(text, e) and _SIGNATURE_BOUNDARY.search(text, max(0, s - 3), s))
            or (_FORM_NAME_BEFORE.search(text, max(0, s - 4), s) and _FORM_OF_WRITER.search(text, 0, s))
            or (_OPENING_INTRO.match(text, 0, s) is not None and _OPENING_INTRO_AFTER.match(text, e) is not None)
            or (_I_COMMA_BEFORE.search(text, max(0, s - 6), s) is not None and text[e:e + 1] in "，,")  # 我，X，
            or _CLOSING_BEFORE.search(text, max(0, s - 8), s) is not None  # 此致 敬礼！X
            or _SPEAKS_FOR_AFTER.match(text, e) is not None  # X代表本小区居民
            or (e >= len(text) - _SIGNATURE_TAIL and _ADDRESS_THEN_PHONE_AFTER.match(text, e) is not None)
            or (e >= len(text) - _SIGNATURE_TAIL and s >= len(text) // 2 and text[s - 1:s] in _BEFORE_SIGNER
                and _MASKED_NUMBER_AFTER.match(text, e) is not None)  # …。）刘某某*******张某某*******: signers
        )

    def _neutral_mention(self, text: str, s: int, e: int, draft: PersonDraft) -> bool:
        """A mention that thanks, quotes or appeals to the person, or reports to them, with no wrong-doing word in
        its clause; an appeal only when nothing but other addressees stands between it and the person's role (恳请
        纪委调查村主任X asks about X, not X)."""
        clause = _clause_after(text, e)
        role_start = min([s] + [t.start for t in draft.title_mentions if s - 1 <= t.end <= s])
        if self.accused_re.search(clause) is not None \
                or _COMPLAINED_OF.search(text, max(0, role_start - 4), role_start) is not None:
            return False
        if _THANKS_BEFORE.search(text, max(0, s - 16), s) is not None or _SAYS_NEUTRAL.search(clause) is not None \
                or (draft.level in _LEADERS and _LEADERS_ACT.search(clause) is not None):
            return True
        appeal = _APPEAL_BEFORE.search(text, max(0, s - 16), s) or (
            _REPORTED_TO.search(text, max(0, s - 14), s) if _REPORT_AFTER.search(clause) else None)
        return appeal is not None and appeal.end() <= role_start \
            and self._addressees_only(text[appeal.end():role_start])

    def _addressees_only(self, gap: str) -> bool:
        """The words between an appeal and the person appealed to name only other addressees, bodies or places
        (市长、, A市市政府, 您和): no verb, so the appeal is made to the person, not about them."""
        if gap and gap[-1] in self.common and gap[-1] not in _WORD_SURNAMES | _FUNCTION_SURNAMES:
            gap = gap[:-1]  # 希望张|县长: the surname of a title-holder named by title
        while gap:
            stripped = gap.rstrip("、，,的和及与 ")
            if stripped != gap:
                gap = stripped
                continue
            charge = _IN_CHARGE_OF.search(gap)
            if charge is not None:
                gap = gap[:charge.start()]  # 向管国土的|镇长: the official's remit
                continue
            for n in range(min(8, len(gap)), 0, -1):
                tail = gap[-n:]
                if tail in self.lexicon.titles or tail in self.lexicon.bodies or tail in _ADDRESSEE_WORDS \
                        or _PLACE_WORD.fullmatch(tail):
                    gap = gap[:-n]
                    break
            else:
                return False
        return True

    @staticmethod
    def _addressed(text: str, s: int, e: int, draft: PersonDraft) -> bool:
        """The mention at s..e opens a letter's salutation: 尊敬的县委张某某书记：, 致李局长：, 王主任您好."""
        end = max([e] + [t.end for t in draft.title_mentions if s <= t.start <= e + 1])
        if _SALUTATION_AFTER.match(text, end) is None:
            return False
        m = _SALUTATION_BEFORE.search(text, max(0, s - 24), s)
        return m is not None and (m.group("greeting") is not None or _NOT_GREETING.search(m.group("body")) is None)

    def _place(self, text: str, draft: PersonDraft, places: list[Place]) -> str | None:
        if not draft.title_mentions:
            return None
        for tm in draft.title_mentions:  # a place inside the title's clause, nearest first
            clause_start = max(text.rfind(ch, 0, tm.start) for ch in "，。；！？,\n") + 1
            near = [p for p in places if clause_start <= p.start and p.end <= tm.title_start]
            if near:
                p = near[-1]
                if draft.level == "village" and p.village:
                    return p.village
                if p.township:
                    return p.township
                if p.village:
                    return p.village
        if draft.level == "village":
            found = [p for p in places if p.village]
        elif draft.level == "township":
            found = [p for p in places if p.township]
        else:
            return None
        if not found:
            return None
        first = draft.mentions[0][0]
        before = [p for p in found if p.end <= first]
        p = before[-1] if before else found[0]
        return p.village if draft.level == "village" and p.village else p.township

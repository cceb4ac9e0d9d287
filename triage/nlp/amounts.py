"""Money in text: 2.3万元, 16万多元, 近1200万元, 七千二百元, 人民币叁万伍仟元整, 1200~1400元, 3.6万美元, 五百块钱,
and bare 2.5万 when the words around it are about money. Counts (60亩, 3户, 138万件), percentages,
phone and ID numbers are not money."""

from __future__ import annotations

import re

from triage.nlp.lexicon import occurrences
from triage.nlp.numbers import CHINESE_NUMERAL_CHARS, parse_number
from triage.petition import Amount

# digits, with thousands separators (groups of three after a first group of one to three: 1,200,000; never
# 3000，500, which is two numbers); a single space between digits is a copying fault (2 1.7万元) and kept
# thousands separators: ASCII commas in groups of three (1,500元); full-width commas after two or three digits
# (12，000元) or in two groups or more (8，600，000元), since 5，600万 is "five or six million"
_ARABIC = (r"(?<![0-9０-９])(?:[0-9０-９]{1,3}(?:,[0-9０-９]{3})+(?![0-9０-９])"
           r"|[0-9０-９]{2,3}(?:，[0-9０-９]{3})+(?![0-9０-９])"
           r"|[0-9０-９](?:，[0-9０-９]{3}){2,}(?![0-9０-９])"
           r"|[0-9０-９](?:[0-9０-９ ]*[0-9０-９])?)"
           r"(?:[.．] ?[0-9０-９]+)?")
# a tenth of a yuan: 六毛钱, 5角钱
_TENTHS = {"毛钱", "角钱"}
_CHINESE = f"[{CHINESE_NUMERAL_CHARS}]+"
_MULT = "[十拾百佰千仟万萬亿億]"
# Arabic digits in several sections (18万5千元, 1万2千5百元) before the plain forms
_MIXED = "(?<![0-9０-９])[0-9０-９]+[万萬亿億](?:[0-9０-９]+[千仟百佰万萬]){1,3}"
_NUM = f"(?:{_MIXED}|{_ARABIC}{_MULT}*|{_CHINESE})"
_ABOUT_BEFORE = "近|约|大约|将近|接近|大概|估计|差不多"
_OVER_BEFORE = "不低于|不少于|超过|逾|超|高达|达"
_UNDER_BEFORE = "不到|不足|不超过|低于"
_RANGE_SEP = "[~～〜\\-－—–至到]{1,2}"


def build_amount_regex(currency_words: list[str]) -> re.Pattern[str]:
    currencies = "|".join(sorted((re.escape(w) for w in currency_words if w != "人民币"), key=len, reverse=True))
    return re.compile(
        f"(?P<pre>人民币|RMB|(?:{_ABOUT_BEFORE})|(?:{_OVER_BEFORE})|(?:{_UNDER_BEFORE}))?"
        f"(?:人民币)?"
        f"(?P<num>{_NUM})"
        f"(?:(?P<sep>{_RANGE_SEP})(?P<num2>{_NUM}))?"
        f"(?P<q1>多|余|来|几)?(?P<mult>{_MULT}*)(?P<q2>多|余)?"
        f"(?P<cur>{currencies}|(?<=[0-9０-９万亿千百])人民币)"
        f"(?P<post>整|左右|上下|以上|以下|之多|多|出头)?"
    )


# a unit after 块 that makes it a price, not a piece (1.8块一平米, 3块/斤)
_PER_UNIT_AFTER = re.compile("[一每][个平月斤次天年人度吨方]|/")
# Bare numbers with 万/亿 (2.5万) count as money when a money word is near.
_BARE = re.compile(
    f"(?P<pre>{_ABOUT_BEFORE}|{_OVER_BEFORE}|{_UNDER_BEFORE})?"
    f"(?P<num>{_ARABIC}[十百千]?|[{CHINESE_NUMERAL_CHARS}]+)"
    f"(?:(?P<mult1>[万亿])?{_RANGE_SEP}(?P<num2>{_ARABIC}[十百千]?|[{CHINESE_NUMERAL_CHARS}]+))?"
    f"(?P<q1>多|余|来)?(?P<ge>个(?P<q3>多)?(?=亿))?(?P<mult>[万亿]+)(?P<q2>多|余)?"
    f"(?P<post>左右|以上|以下|之多)?"
)
_MONEY_WORDS = re.compile(
    "钱|款|金|获利|盈利|牟利|缴纳|交纳|退回|退还|资金|资本|投资|出资|融资|集资|资产|[月年]收入|收入[只才仅]|(?:公共|广告|门面|门店|经营|租金|综合|家庭|个人|黑色|灰色|额外|非法)收入|侵吞|绩效|卖|买|售|购|费|补贴|补助|补偿|工资|薪|贿|贪污|挪用|收受|索要|礼|现金|存款|价|元|经费|报酬|利润|好处|"
    "成本|损失|充值|罚|赔|债|贷|账|帐|中标|拿|给了|收了|送了|借了|付了|交了|退了|花了|用了|骗了|要了|转了|欠|打条|收条|好处|红包|负担不[起了]|诈骗|骗取|首付"
)
_NOT_MONEY_AFTER = re.compile(
    "^(?:亩|平方|平米|米|公里|千米|吨|斤|公斤|克|户|人|名|个|件|份|次|台|辆|头|只(?![算是有能要够好不])|株|棵|套|间|册|本|篇|条|"
    "字|号|年|月|日|天|岁|步|元素|多人|余人|余户|余亩|多亩|多户|余件|多件|余名|多名|来户|来人|来名|来家|来个|册|部|位|家|所|座|项(?!目)|笔|张|"
    "%|％|‰|倍|成(?![立功为交本])|千瓦|度|立方|方|㎡|m²|m2|万分之|千分之|分之|"
    "购房者|业主|村民|居民|群众|家长|学生|员工|职工|工人|农民|老人|儿童|人口|人次|游客|用户|客户|会员|积分|秒|分钟|小时|"
    "[\u4e00-\u9fff]{1,2}(?:职工|员工|工人|业主|居民|村民|学生))"
)
_QUALIFIER_BEFORE = {
    **{w: "about" for w in _ABOUT_BEFORE.split("|")},
    **{w: "over" for w in _OVER_BEFORE.split("|")},
    **{w: "under" for w in _UNDER_BEFORE.split("|")},
}
_QUALIFIER_AFTER = {"左右": "about", "上下": "about", "以上": "over", "之多": "over", "多": "over", "出头": "over",
                    "以下": "under", "余": "over", "来": "about", "几": "over"}


def _qualifier(match: re.Match[str]) -> str:
    if match.groupdict().get("num2"):
        return "range"
    for group in ("q1", "q3", "q2", "post"):
        word = match.groupdict().get(group)
        if word and word in _QUALIFIER_AFTER:
            return _QUALIFIER_AFTER[word]
    pre = match.group("pre")
    if pre and pre in _QUALIFIER_BEFORE:
        return _QUALIFIER_BEFORE[pre]
    return "exact"


def _value(number: str, mult: str) -> float | None:
    return parse_number(number + (mult or ""))


_DIGIT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ADJACENT = re.compile("(十?)([一二两三四五六七八九])、?([二两三四五六七八九])([十拾百佰千仟万萬亿億]*)")


_PAUSED_DIGIT = re.compile("(?<![、，,0-9０-９一二两三四五六七八九十])[一二两三四五六七八九]、$")


def _adjacent_range(number: str, mult: str) -> tuple[float, float] | None:
    """四五百, 六七万, 一两百万, 十七八万, 三、四千: two neighbouring digits are an approximate range (low, high)."""
    m = _ADJACENT.fullmatch(number + (mult or ""))
    if m is None or _DIGIT[m.group(3)] != _DIGIT[m.group(2)] + 1:
        return None
    tens, d1, d2, unit = m.groups()
    low, high = parse_number(tens + d1 + unit), parse_number(tens + d2 + unit)
    if low is None or high is None:
        return None
    return low, high


def _is_id_like(num: str) -> bool:
    digits = re.sub(r"\D", "", num)
    return len(digits) >= 11 and "." not in num


def find_amounts(text: str, amount_re: re.Pattern[str], currencies: dict[str, str]) -> list[Amount]:
    found: list[Amount] = []
    taken: list[tuple[int, int]] = []
    for m in amount_re.finditer(text):
        num, num2, mult, cur = m.group("num"), m.group("num2"), m.group("mult"), m.group("cur")
        if _is_id_like(num):
            continue
        if cur == "块" and text[m.end():m.end() + 1] not in (
                "钱", "", "，", "。", "、", "；", " ", "的", "呢", "了", "吧", "啊", "？", "！", "?", "!", "已", "就",
                "都", "也", "还", "可", "能", "够", "要") \
                and not _PER_UNIT_AFTER.match(text, m.end()) and not any(ch in ".．" for ch in num) \
                and not _RANGE_TO_YUAN.match(text, m.end()):
            continue  # 一块地, 三块牌子 (but 1.8块一平米, 3块/斤: a price; 2块到10块钱: a range)
        if cur == "块" and num == "一" and not mult and text[m.end():m.end() + 1] != "钱":
            continue  # 停车费一块，…: "one part", not one yuan (一块钱 is)
        if cur in ("元", "块") and not mult and re.fullmatch(f"[{CHINESE_NUMERAL_CHARS}]+", num) and len(num) == 1 \
                and num in "一两":
            # 一元 is money, but 一元化, 二元 rarely matter; keep only when followed by a boundary
            if text[m.end():m.end() + 1] in ("化", "论", "制"):
                continue
        start = m.start()
        pre = m.group("pre")
        if pre and pre not in ("人民币", "RMB") and pre not in _QUALIFIER_BEFORE:
            start = m.start("num")
        # A preceding Chinese numeral glued onto a word (十分, 一万元 fine) is fine; an Arabic digit glued to
        # letters is a code: A3区 is not money, but 3元 after a letter is rare; skip when preceded by a digit.
        if start > 0 and text[start - 1].isdigit():
            continue
        if (_vague_before(text, start, m.start("num")) or m.group("q1") == "几"
                or (num == "十" and m.group("q1") in ("多", "来"))):
            continue  # 几百万元, 上千万元, 数万元, 十几万元, 十多万元, 十来万元: an order of magnitude, not a sum
        value = _value(num, mult)
        if not value:
            continue  # 几万块钱: a multiplier with no number is no sum; 0元, 零元: nothing was paid or taken
        qualifier = _qualifier(m)
        low = high = value
        approx = None if num2 else _adjacent_range(num, mult)
        if approx is None and not num2 and not pre and _PAUSED_DIGIT.search(text, 0, start) \
                and start >= 2 and _adjacent_range(text[start - 2:start] + num, mult) is not None:
            start, approx = start - 2, _adjacent_range(text[start - 2:start] + num, mult)  # 三、四千元
        if approx is not None:
            low, high = approx
            value, qualifier = (low + high) / 2, "range"
        if num2:
            # 1200~1400元, 2至3万元 (the multiplier applies to both)
            v2 = _value(num2, mult)
            if v2 is None:
                continue
            shared = re.search(f"{_MULT}+$", num2)
            own = re.search(f"{_MULT}+$", num)
            v1 = _value(num + shared.group(0), mult) if shared and not own else value
            if v1 is None:
                continue
            low, high = min(v1, v2), max(v1, v2)
            value = (low + high) / 2
        if cur in _TENTHS:
            value, low, high = value / 10, low / 10, high / 10
        if num in ("一", "1") and cur in ("毛钱", "分钱", "分") and (
                _NOT_A_PENNY.search(text, max(0, m.start() - 8,
                                              *(text.rfind(ch, 0, m.start()) + 1 for ch in "，,。！？；")),
                                    m.start())
                or re.match("[都也]?(?:没|不)", text[m.end():m.end() + 2])):
            continue  # 没损失一毛钱, 不差一分钱: "not a penny", no sum
        end = m.end()
        amount_text = text[start:end]
        currency = currencies.get(cur, "CNY")
        found.append(Amount(amount_text, value, currency, qualifier, low, high, start, end))
        taken.append((start, end))
        # 分别奖励1000、3000元: numbers listed right before share the unit of the last
        k = start
        suffix = re.search(f"{_MULT}+$", num)
        suffix = suffix.group(0) if suffix else ""
        while not num2 and not pre and cur not in _TENTHS:
            listed = _LISTED_BEFORE.search(text, 0, k)
            if listed is None or (listed.start() > 0 and (
                    text[listed.start() - 1].isdigit() or text[listed.start() - 1] in ".．"
                    or (text[listed.start() - 1] == "、" and len(listed.group("num")) < 3))):
                break  # 1、2、3: numbered items; but 5200、6700、7300元 is a list of sums
            lead = re.match("[1-9]", num)
            if k == start and suffix and lead and listed.group("num").isdigit() and len(listed.group("num")) == 1 \
                    and text[listed.end() - 1] == "、" and int(listed.group("num")) + 1 == int(lead.group(0)) \
                    and num == lead.group(0) + suffix:
                # 6、7万元: two neighbouring digits, a range "six or seven ten-thousands"
                low_v, high_v = _value(listed.group("num") + suffix, mult), found[-1].value
                if low_v:
                    last = found.pop()
                    taken.pop()
                    found.append(Amount(text[listed.start():last.end], (low_v + high_v) / 2, last.currency, "range",
                                        low_v, high_v, listed.start(), last.end))
                    taken.append((listed.start(), last.end))
                break
            v = _value(listed.group("num") + suffix, mult)
            if not v:
                break
            found.append(Amount(listed.group("num"), v, currency, "exact", v, v, listed.start(),
                                listed.start() + len(listed.group("num"))))
            taken.append((listed.start(), listed.start() + len(listed.group("num"))))
            k = listed.start()
    for finder in (_find_yen_sign, _find_bare_amounts, _find_round_hundred_millions, _find_w_units, _find_thousands,
                   _find_plain_amounts, _find_unequal_list):  # each reads only where no sum was found before it
        found.extend(finder(text, taken + [(a.start, a.end) for a in found]))
    found.extend(_find_listed_after(text, found))
    found.extend(_find_repeated(text, found))
    found.sort(key=lambda a: a.start)
    return _join_ranges(text, found)


# a sum written again later without its unit: 交了4800元活动费，这4800到底花在哪里; 要18万，这18万我们拿不出
_WRITTEN_NUMBER = re.compile(r"[1-9][0-9]*(?:[.．][0-9]+)?[万千百]?")
# what may not follow the repeated number: a digit, a decimal point, a percent sign, a letter, a unit or a measure
# word (5700户, 26万人, 300公里)
_NOT_AFTER_REPEAT = set("0123456789０１２３４５６７８９.．%％"
                        "户人口亩平米个年月日号栋层楼元块万千百亿次天吨斤岁名位家套间辆台张条件项分秒点届级期度")
# telephone numbers of public services, which a text also writes bare: 后来又打了120
_SERVICE_NUMBERS = {"110", "119", "120", "122", "12345", "12315", "12369", "12319"}
_NOT_BEFORE_REPEAT = set("0123456789０１２３４５６７８９.．,第:：/-—～~")


def _find_repeated(text: str, found: list[Amount]) -> list[Amount]:
    """The same sum written again with no unit: once a sum is found, a later bare mention of the same number is it."""
    taken = [(a.start, a.end) for a in found]
    out = []
    seen: set[str] = set()
    for amount in found:
        m = _WRITTEN_NUMBER.match(text, amount.start)
        if m is None or len(m.group(0)) < 3 or amount.qualifier == "range" or m.group(0) in seen \
                or m.group(0) in _SERVICE_NUMBERS:
            continue
        written = m.group(0)
        seen.add(written)
        mult = written[-1] if written[-1] in "万千百" else ""
        if _value(written[:len(written) - len(mult)], mult) != amount.value:
            continue  # the number as written must be the sum itself (not 2.5 of 2.5万元 read alone)
        for k in occurrences(text, written):
            end = k + len(written)
            if any(s < end and k < e for s, e in taken):
                continue
            if k > 0 and text[k - 1] in _NOT_BEFORE_REPEAT:
                continue  # part of a longer number, an ordinal, a time, a date or a range
            after = end + 1 if text[end:end + 1] in ("多", "余", "来") else end  # 200多吨
            if (after < len(text) and (text[after] in _NOT_AFTER_REPEAT
                                       or text[after].isascii() and text[after].isalpha())) \
                    or text.startswith(("公里", "公斤", "平方"), after):
                continue  # 5700户, 300公里, 26万人: a count or a measure, not the sum
            out.append(Amount(written, amount.value, amount.currency, "exact", amount.value, amount.value, k, end))
            taken.append((k, end))
    return out


# a plain number listed right after a sum with 和/或/、 is a sum of the same kind: 月供为2700和2100
_LISTED_AFTER = re.compile(r"(?:和|或|或者|、)(?P<num>[1-9][0-9]{1,6}(?:[.．][0-9]{1,2})?)"
                           r"(?![0-9０-９.．万亿千百十%％])")


def _find_listed_after(text: str, found: list[Amount]) -> list[Amount]:
    taken = [(a.start, a.end) for a in found]
    out = []
    for amount in sorted(found, key=lambda a: a.start):
        m = _LISTED_AFTER.match(text, amount.end)
        if m is None or amount.currency != "CNY" or _count_after(text, m.end()) or _year_like(m.group("num")) \
                or any(s < m.end() and m.start() < e for s, e in taken) \
                or not re.search("[0-9０-９]$", text[amount.start:amount.end]):
            continue  # only after a sum written as a plain number (2700和2100, not 3万元和2100)
        value = float(m.group("num").replace("．", "."))
        if not (amount.value / 10 <= value <= amount.value * 10):
            continue  # the same order of magnitude, as two sums of one kind are
        start = m.start("num")
        out.append(Amount(m.group("num"), value, "CNY", "exact", value, value, start, m.end()))
        taken.append((start, m.end()))
    return out


_NOT_A_PENNY = re.compile("[没不无未]|没有")
_NOT_A_SUM_AFTER = re.compile("不|别|莫|要|得|注意|小心|记住|记得|豪礼|大奖|级别|级|量级")
_RANGE_BETWEEN = re.compile(_RANGE_SEP)
_LISTED_BEFORE = re.compile(r"(?P<num>[0-9０-９]+(?:[.．][0-9０-９]+)?)(?:、|或是|或者|或)$")  # 1000、3000元, 50或100元
# a plain number (no 万, no 元) right after words about paying: 收费3000, 月薪3000出头, 消费200, 扣了300
_PLAIN = re.compile(
    "(?:收费|消费|工资|薪水|月薪|补贴|补助|补偿|费用|缴纳了?|收取了?|交了|卖到|卖了|(?<![公外转移])交|(?<![征回接验])收|扣了?|罚款|罚了|罚(?=[0-9０-９])|赔了|花了|付了|退了|退还|欠了|借了|拿|价格|售价|"
    "(?<![生保共依储库])存|余额|单价|市场价|原价|定价|标价|报价|限价|均价|总价|房价|价钱|[票地油电水车]价|楼面价|成交价|起拍价|底价|团购价|零售价|收购价|租金|押金|要价|只要|充值|报销|只报|共计|合计|总计|亏损|月供|[\u4e00-\u9fff]费|"
    "[\u4e00-\u9fff](?<!条)款)"
    "(?:了|是|为|均为|都是|约为|约|大约|近|竟高达|竟然高达|高达|竟达|达到|达|才|只有|仅为|仅是|仅"
    "|每月|一个月|人均|每人|每户|[：:])?[ \u3000]?"
    r"(?P<num>[0-9０-９]{2,7}(?:[.．][0-9０-９]{1,2})?|[1-9１-９][.．][0-9０-９]{1,2}"
    "|[一二两三四五六七八九十百]{2,5}(?=[，,。；;！？!?、）)\\s]|$|的|块))"
    f"(?:{_RANGE_SEP}(?P<num2>[0-9０-９]{{2,7}}))?(?P<post>多|余|出头|左右)?"
)
# a plain number that says "about" or "more than" in a clause about money: 工资……大概3800左右, 月入5000多
_PLAIN_ABOUT = re.compile(r"(?<![0-9０-９.．,，:：/\-])(?P<num>[1-9][0-9]{2,5})(?P<post>左右|多|出头)"
                          "(?=$|[，,。；;！？!?、）)（(\\s]|[的这那一每就都也还了呢吧啊能才])")  # not 3000多受害人
# a plain number before "a square metre" is a price: 贵了1500一平, 7000多每平米
_PER_SQUARE_METRE = re.compile(r"(?<![0-9０-９.．,，:/\-])(?<![0-9０-９]：)(?P<num>[1-9][0-9]{2,5})"
                               f"(?:{_RANGE_SEP}(?P<num2>[1-9][0-9]{{2,5}}))?(?P<post>多|左右)?"
                               "(?=(?:一|每)(?:平|个平方|㎡)|/(?:平|㎡|m2|户|月|吨|次|台|人|间|辆|套|年|天))")
# a plain number before "per jin" is a price: 猪肉涨到30/斤
_PER_WEIGHT = re.compile(r"(?<![0-9０-９.．,，:/\-])(?P<num>[1-9][0-9]{0,3}(?:[.．][0-9]{1,2})?)(?P<post>多|左右)?"
                         "(?=/(?:斤|公斤|千克|立方|方|升))")
# a plain number before "one time / day / year / bottle …" is a price: 补考要450一次, 9600一年, 12一瓶,
# 水5.12一吨, 150一天
_PER_ONE_PRICE = re.compile(r"(?<![0-9０-９.．,，:：/\-])"
                            r"(?P<num>[1-9][0-9]{1,5}(?:[.．][0-9]{1,2})?|[0-9][.．][0-9]{1,2})"
                            "(?P<post>多|左右)?(?=一(?:次|年(?![级纪来多])|个?学期|个?季度|台|瓶|吨|度(?![过被])|晚|盒|包|课时|小时|天(?![内中里])))")
# a plain number before "a month" in a clause about money: 违约金……1500每月
_PER_MONTH = re.compile(r"(?<![0-9０-９.．,，:：/\-])(?P<num>[1-9][0-9]{2,5})(?P<post>多|左右)?(?=每月|每个月|一个月)")
# a plain number (or a range) right before 的 and a fee or a payment: 每个月交2.35的管理费, 交了1200的押金,
# 300到500的押金; or right before 单价/均价/底薪/月薪/工资: 以6800单价买的, 入职后5000底薪
_BEFORE_FEE = re.compile(r"(?<![0-9０-９.．,，:：/\-])(?P<num>[1-9][0-9]{0,6}(?:[.．][0-9]{1,2})?|0[.．][0-9]{1,2})"
                         f"(?:{_RANGE_SEP}(?P<num2>[1-9][0-9]{{0,6}}))?(?P<post>多|左右)?"
                         "(?=的[\u4e00-\u9fff]{0,3}?(?:费|款|押金|定金|租金|工资|房租|价格|价钱|奖|回报|利息|收益|额度|违约金|保证金|罚金|奖金)|(?:单价|均价)(?!格)"
                         "|(?:底薪|月薪|工资)(?![0-9０-９]))")
# a whole number right before a fee's name: 200公证费, 500办证费 (not 10.19加班费, a date)
_BEFORE_FEE_NAME = re.compile(r"(?<![0-9０-９.．,，:：/\-])(?P<num>[1-9][0-9]{1,6})(?P<post>多|左右)?"
                              "(?=(?![年月日天个次号楼层栋期届])[\u4e00-\u9fff]{1,2}费(?![用时力者]))")
# …一个月的停车费: the fee named right after the month
_MONTHLY_FEE_AFTER = re.compile("(?:每月|每个月|一个月)的[\u4e00-\u9fff]{0,3}?(?:费|款|租金|工资|房租)")
_NOT_PLAIN_AFTER = re.compile("^(?:分|学分|班|级|届|楼|层|号|路|折|来万|来元|组|栋|单元|期|轴)")
_PLAIN_TOTAL = ("共计", "合计", "总计")


def _join_ranges(text: str, found: list[Amount]) -> list[Amount]:
    """6元到12元, 1000元至1500元: two sums of one currency with only a range word between them are one
    range."""
    out: list[Amount] = []
    for amount in found:
        prev = out[-1] if out else None
        start = None
        if prev is not None and prev.currency == amount.currency and prev.value < amount.value:
            if amount.qualifier == "exact" and _RANGE_BETWEEN.fullmatch(text[prev.end:amount.start]):
                if prev.qualifier == "exact":
                    start = prev.start
                elif prev.qualifier == "over" and text.startswith(("达", "高达"), prev.start):
                    start = prev.start + (2 if text.startswith("高达", prev.start) else 1)  # 高摊达6元—20元不等
            elif amount.qualifier == "over" and prev.qualifier == "over" \
                    and _RANGE_BETWEEN.fullmatch(text[prev.end:amount.start]):
                start = prev.start  # 五万多至六万多一个: a range whose ends both say "more than"
            elif prev.end == amount.start and text[prev.start:prev.end].endswith("以上") \
                    and text[amount.start:amount.end].endswith("以下"):
                start = prev.start  # 二万元以上八万元以下罚金: the range a rule sets
        if start is not None:
            out[-1] = Amount(text[start:amount.end], (prev.value + amount.value) / 2, prev.currency,
                             "range", prev.value, amount.value, start, amount.end)
            continue
        out.append(amount)
    return out


# Sums in thousands or hundreds written without 元 when the clause is about money: 三千多的物业费, 工资两千多,
# 装修费2千1 (2,100), 单价1万5 (15,000), 收费五千到一万
_SMALL_NUM = ("(?:[0-9０-９]{1,2}(?:[.．][0-9０-９]+)?[千百]"
              "|[一二两三四五六七八九][千仟][一二三四五六七八九][百佰][一二三四五六七八九]?(?![十百千万亿0-9０-９个月年平次天亩斤户人位块元])"
              "|[一二两三四五六七八九][千仟百佰][一二三四五六七八九](?![十百千万亿0-9０-９个月年平次天亩斤户人位块元])"
              "|(?:[一二两三四五六七八九]、)?[一二两三四五六七八九十]+[千仟百佰](?:[一二三四五六七八九][百佰])?)")
_THOUSANDS = re.compile(
    f"(?P<pre>{_ABOUT_BEFORE}|{_OVER_BEFORE}|{_UNDER_BEFORE})?"
    f"(?:(?P<coll>[0-9０-９]+)(?P<cunit>[万千])(?P<tail>[1-9])(?![0-9０-９万千百十])"
    f"|(?P<lone>[一二两三四五六七八九]|[1-9]){_RANGE_SEP}(?P<lone2>[一二两三四五六七八九]|[1-9])(?P<lunit>[千百万])"
    f"|(?P<num>{_SMALL_NUM})(?:{_RANGE_SEP}(?P<num2>{_SMALL_NUM}|[一二两三四五六七八九十0-9０-９]+万))?(?P<q>多|余)?)"
)


_PER_ONE = re.compile("[一1](?:[个月年平次天亩斤户人套间栋]|开间)")  # 两千多一个月, 一万多一平, 8万一开间: a rate


def _vague_before(text: str, start: int, num_start: int) -> bool:
    """几百万, 上千万, 数万元, 好几千: an order of magnitude, not a sum."""
    return text[num_start - 1:num_start] in ("几", "数") or (
        text[num_start - 1:num_start] == "上" and text[num_start:num_start + 1] in "百千万亿")


def _clause_start(text: str, start: int) -> int:
    """Where the clause of the number at ``start`` begins: after the last full stop, at most 40 characters back."""
    return max(max(text.rfind(ch, 0, start) for ch in "。！？；!?;\n") + 1, start - 40)


# people a number counts, after a phrase of theirs and 的: 近十万外出打工回来的青年, 两万多外来务工的人员
_PEOPLE_AFTER_PHRASE = re.compile("[\u4e00-\u9fff]{1,6}?的(?:青年|人员|人|职工|员工|工人|业主|居民|村民|学生|市民|群众|"
                                  "农民|家庭|老人|儿童|孩子|游客|乘客|患者|考生|教师|老师)")


def _count_after(text: str, end: int, closed: bool = False) -> bool:
    """A unit or a count follows (60亩, 3户, 138万件, 近十万外出打工回来的青年), or more digits: not a sum.
    两千多一个月 is a rate. ``closed``: the number ends in 多 or 余, so a numeral after it starts a phrase of its own
    (三万多|四个月)."""
    after = text[end:end + 3]
    phrase = _PEOPLE_AFTER_PHRASE.match(text, end)
    if phrase is not None and not _MONEY_WORDS.search(phrase.group()):
        return True
    return _NOT_MONEY_AFTER.match(text[end:end + 4]) is not None or (
        not closed and bool(after) and (after[0] in CHINESE_NUMERAL_CHARS or after[0].isdigit())
        and not _PER_ONE.match(after))


def _money_near(text: str, start: int, end: int) -> bool:
    """A money word a few characters either side, or anywhere earlier in the clause (拖欠了……合伙人刘某三千多万)."""
    window = text[min(_clause_start(text, start), max(0, start - 12)):start] + text[end:end + 6]
    return _MONEY_WORDS.search(window) is not None or text[end:end + 2] == "收入" \
        or text[start - 1:start] == "花"  # 800万收入, 一千多收入; 花80多万


def _money_context(text: str, start: int, end: int) -> bool:
    """Whether the number at text[start:end] stands where a sum does: no digit glued before it, no count or unit
    after it, and a money word in its clause."""
    if _vague_before(text, start, start):
        return False
    if start > 0 and (text[start - 1].isdigit() or text[start - 1] in ".．"
                      or text[start - 1] in CHINESE_NUMERAL_CHARS):
        return False
    return not _count_after(text, end) and _money_near(text, start, end)


# round sums listed and closed by 不等 ("ranging from … to …"): 一般充八百，一千，两千不等
_UNEQUAL_ITEM = "(?:[0-9]{1,5}|[一二两三四五六七八九十]{1,3})[百千万]"
_UNEQUAL_LIST = re.compile(f"(?:{_UNEQUAL_ITEM}[，,、])+{_UNEQUAL_ITEM}(?:元|块钱?)?不等")
_UNEQUAL_ONE = re.compile(_UNEQUAL_ITEM)
_CARD_WORDS = re.compile("充了?卡|办了?卡|储值|会员卡|预存")


def _find_unequal_list(text: str, taken: list[tuple[int, int]]) -> list[Amount]:
    """Each item of a list of round sums closed by 不等, when the clause before it speaks of money (办了卡)."""
    out = []
    for m in _UNEQUAL_LIST.finditer(text):
        before = text[_clause_start(text, m.start()):m.start()] + m.group()
        if any(s < m.end() and m.start() < e for s, e in taken) \
                or not (_MONEY_WORDS.search(before) or _CARD_WORDS.search(before)):
            continue
        items = []
        for item in _UNEQUAL_ONE.finditer(text, m.start(), m.end()):
            value = parse_number(item.group())
            if not value:
                items = []
                break
            items.append(Amount(item.group(), value, "CNY", "exact", value, value, item.start(), item.end()))
        out.extend(items)
    return out


def _find_thousands(text: str, taken: list[tuple[int, int]]) -> list[Amount]:
    out = []
    for m in _THOUSANDS.finditer(text):
        start, end = m.start(), m.end()
        if any(s < end and start < e for s, e in taken) or not _money_context(text, start, end):
            continue
        if m.group("lone"):  # 两到三千: the unit of the second number is the first's too
            low, high = (parse_number(m.group("lone") + m.group("lunit")),
                         parse_number(m.group("lone2") + m.group("lunit")))
            if not low or not high or high <= low:
                continue
            value, qualifier = (low + high) / 2, "range"
        elif m.group("coll"):  # 2千1, 1万5: the digit after the unit is the next place down
            unit = 10_000 if m.group("cunit") == "万" else 1000
            value = float(m.group("coll")) * unit + int(m.group("tail")) * unit / 10
            low = high = value
            qualifier = _QUALIFIER_BEFORE.get(m.group("pre") or "", "exact")
        else:
            approx = _adjacent_range(m.group("num"), "")
            value = parse_number(m.group("num")) if approx is None else sum(approx) / 2
            if not value:
                continue
            low = high = value
            qualifier = _QUALIFIER_AFTER.get(m.group("q") or "", "exact")
            if approx is not None:  # 两三千, 八九千, 三、四千: neighbouring digits
                low, high = approx
                qualifier = "range"
            if m.group("num2"):
                v2 = parse_number(m.group("num2"))
                if not v2 or v2 <= value:
                    continue
                low, high, value, qualifier = value, v2, (value + v2) / 2, "range"
            elif m.group("pre") and approx is None:
                qualifier = _QUALIFIER_BEFORE.get(m.group("pre"), qualifier)
        amount_start = start if m.group("pre") else next(m.start(g) for g in ("coll", "lone", "num") if m.group(g))
        out.append(Amount(text[amount_start:end], value, "CNY", qualifier, low, high, amount_start, end))
    return out


def _find_plain_amounts(text: str, taken: list[tuple[int, int]]) -> list[Amount]:
    """Plain numbers that words about paying make sums: 收费3000, 每月月薪3000出头; a total (共计12280) counts
    only when its clause speaks of money."""
    out = []
    for m in _PLAIN.finditer(text):
        start, end = m.start("num"), m.end()
        if any(s < end and start < e for s, e in taken):
            continue
        after = text[end:end + 3]
        if _NOT_MONEY_AFTER.match(after) or _NOT_PLAIN_AFTER.match(after) \
                or (after and (after[0].isdigit() or after[0] in "万亿千百十.．:：-/"
                               or (after[0].isascii() and after[0].isalpha()))):  # 价格12https://…: a broken link
            continue
        if m.group(0).startswith(("工资", "薪水", "月薪")) and "." in m.group("num").replace("．", ".") \
                and float(m.group("num").replace("．", ".")) < 100:
            continue  # 发工资10.19: a date (October 19th), not a wage of ten yuan
        if m.group(0).startswith(_PLAIN_TOTAL) and not _MONEY_WORDS.search(text[_clause_start(text, start):m.start()]):
            continue
        value = parse_number(m.group("num"))
        if not value:
            continue
        post = m.group("post")
        qualifier = _QUALIFIER_AFTER.get(post, "exact") if post else "exact"
        low = high = value
        if m.group("num2"):  # 收取400至600: a range; 学费3000-1500不等 names its ends in either order
            other = parse_number(m.group("num2")) or value
            if other < low and text[end:end + 2] == "不等":
                low, other = other, low
            if other <= low:
                continue
            high = other
            value, qualifier = (low + high) / 2, "range"
        out.append(Amount(text[start:end], value, "CNY", qualifier, low, high, start, end))
    taken = taken + [(a.start, a.end) for a in out]
    checks = (
        (_BEFORE_FEE, lambda m: text[m.start() - 1:m.start()] != "第" and not _year_like(m.group("num"))),  # not 第3的
        (_BEFORE_FEE_NAME, lambda m: text[m.start() - 1:m.start()] != "第" and not _year_like(m.group("num"))
         and not text[max(0, m.start() - 2):m.start()] == "分之"),  # not 315消费者日, 百分之15手续费
        (_PER_SQUARE_METRE, lambda m: True),
        (_PER_WEIGHT, lambda m: True),
        (_PER_ONE_PRICE, lambda m: not _year_like(m.group("num"))),
        (_PLAIN_ABOUT, lambda m: _plain_about_ok(text, m)),
        (_PER_MONTH, lambda m: _money_context(text, m.start(), m.end()) or _MONTHLY_FEE_AFTER.match(text, m.end())
         or text[m.start() - 1:m.start()] in ("要", "收", "交", "付", "租")),  # 居然要2500一个月
    )
    for pattern, ok in checks:
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(s < end and start < e for s, e in taken) or not ok(m):
                continue
            low = high = value = float(m.group("num").replace("．", "."))
            qualifier = _QUALIFIER_AFTER.get(m.group("post") or "", "exact")
            if "num2" in m.re.groupindex and m.group("num2"):  # 6100-6300一平: a range of prices
                high = float(m.group("num2"))
                digits, digits2 = len(m.group("num").split(".")[0]), len(m.group("num2"))
                if digits < digits2 and "." not in m.group("num"):
                    low = value = low * 10 ** (digits2 - digits)  # 3-400的物业费: 300 to 400
                if high <= low:
                    continue
                value, qualifier = (low + high) / 2, "range"
            out.append(Amount(text[start:end], value, "CNY", qualifier, low, high, start, end))
            taken.append((start, end))
    return out


def _plain_about_ok(text: str, m: re.Match[str]) -> bool:
    """4300左右 in a clause about money, with no unit after it and not a year (2019左右)."""
    num = m.group("num")
    return not _NOT_PLAIN_AFTER.match(text[m.end():m.end() + 3]) and _money_context(text, m.start(), m.end()) \
        and not _year_like(num)


def _year_like(num: str) -> bool:
    """2019 (左右, 一年) is a year, not a sum."""
    return len(num) == 4 and num[:2] in ("19", "20") and not num.endswith("00")


def _hundred_millions_alone(m: re.Match[str], text: str, end: int) -> bool:
    """3.1亿。: hundreds of millions standing alone at the end of a clause are money in a petition (counts of
    persons or things have their unit after them)."""
    return "亿" in m.group("mult") and text[end:end + 1] in ("", "，", ",", "。", "；", ";", "！", "？", "!", "?")


# a number after the yuan sign with no 元 after it: ￥3.5/平, 实发￥4370 (with 元 the number is read as usual)
_YEN_SIGN = re.compile(r"[￥¥](?P<num>[0-9０-９]{1,3}(?:,[0-9]{3})+|[0-9０-９]+)(?P<frac>[.．][0-9]{1,3})?"
                       r"(?P<mult>万|亿)?(?![0-9元])")


def _find_yen_sign(text: str, taken: list[tuple[int, int]]) -> list[Amount]:
    out = []
    for m in _YEN_SIGN.finditer(text):
        start, end = m.span()
        if any(s < end and start < e for s, e in taken):
            continue
        value = parse_number(text[m.start("num"):end])  # full-width digits, thousands commas, 万/亿
        if value:
            out.append(Amount(text[start:end], value, "CNY", "exact", value, value, start, end))
    return out


# 近亿元, 超亿: "nearly / over a hundred million" with no numeral before 亿 (上亿, 几亿, 高达亿元 stay vague)
_ROUND_HUNDRED_MILLIONS = re.compile("(?P<pre>将近|接近|近|超过|超|逾)亿(?P<cur>元|人民币)?")
# 2块到10块钱: the first number of a range of yuan, written with 块
_RANGE_TO_YUAN = re.compile(f"(?:{_RANGE_SEP})[0-9０-９一二两三四五六七八九十百千]+(?:块|元)")


# 10w, 3.5W: ten-thousands written with the letter w in a clause about money (不少于10w, 存10w到…)
_W_UNIT = re.compile(r"(?<![A-Za-z0-9.．])(?P<num>[0-9]{1,4}(?:\.[0-9]{1,2})?)[wW](?![A-Za-z0-9])")


def _find_w_units(text: str, taken: list[tuple[int, int]]) -> list[Amount]:
    out = []
    for m in _W_UNIT.finditer(text):
        start, end = m.span()
        if any(s < end and start < e for s, e in taken) or _count_after(text, end) \
                or not _money_near(text, start, end):
            continue
        value = parse_number(m.group("num") + "万") or 0.0
        qualifier = "over" if text[end:end + 1] in ("多", "余") else "exact"
        out.append(Amount(text[start:end], value, "CNY", qualifier, value, value, start, end))
    return out


def _find_round_hundred_millions(text: str, taken: list[tuple[int, int]]) -> list[Amount]:
    out = []
    for m in _ROUND_HUNDRED_MILLIONS.finditer(text):
        start, end = m.span()
        if any(s < end and start < e for s, e in taken) or _count_after(text, end, closed=True) \
                or not (m.group("cur") or _money_near(text, start, end)):
            continue
        qualifier = _QUALIFIER_BEFORE.get(m.group("pre"), "about")
        out.append(Amount(text[start:end], 100_000_000.0, "CNY", qualifier, 100_000_000.0, 100_000_000.0, start, end))
    return out


_POPULATION_BEFORE = re.compile("(?:人口|人数|户数|客流|车流)[^，,。；;]{0,3}$")


def _find_bare_amounts(text: str, taken: list[tuple[int, int]]) -> list[Amount]:
    out = []
    for m in _BARE.finditer(text):
        start, end = m.start(), m.end()
        if any(s < end and start < e for s, e in taken):
            continue
        if start > 0 and (text[start - 1].isdigit()
                          or (text[start - 1] in ".．" and text[start - 2:start - 1].isdigit())):
            continue  # 1.5万 read from its middle; but 好几万.十来万 is a full stop typed as a dot
        if start > 1 and text[start - 1] in "，," and text[start - 2].isdigit():
            continue  # 30，40万 is "thirty or forty ten-thousands" written with a comma: no sum to tell
        if (_vague_before(text, start, m.start("num"))
                or (text[end:end + 1] == "之" and text[end + 1:end + 2] not in "多巨")
                or (m.group("num") == "十" and m.group("q1") in ("多", "来"))):
            continue  # 几百万, 上千万, 十多万, 十来万: an order of magnitude; 千万之一: a fraction
        if _POPULATION_BEFORE.search(text, max(0, start - 6), start):
            continue  # 规划人口24万: people, not yuan
        if _count_after(text, end, closed=m.group(0)[-1] in "多余") \
                or not (_money_near(text, start, end) or _hundred_millions_alone(m, text, end)):
            continue
        if re.fullmatch("[万亿]", m.group("num") or "") or (m.group("mult1") and m.group("mult1") != m.group("mult")):
            continue  # 15万-20万 is a range in 万; 3万-2亿 is none
        if re.fullmatch("[千百]", m.group("num") or "") and _NOT_A_SUM_AFTER.match(text, end):
            continue  # 千万不要: "by all means", not ten million
        if "千千万万" in text[max(0, start - 3):end + 3] or "千千" in m.group(0) or text.startswith("火急", end):
            continue  # 千千万万: "countless"; 十万火急: "most urgent"
        value = parse_number(m.group("num") + m.group("mult"))
        if not value:
            continue
        pre = m.group("pre")
        amount_start = start if pre else m.start("num")
        qualifier = _qualifier(m)
        low = high = value
        approx = _adjacent_range(m.group("num"), m.group("mult"))
        if m.group("num2"):  # 300—600万: the multiplier applies to both
            v2 = parse_number(m.group("num2") + m.group("mult"))
            if not v2 or re.search("[十拾百佰千仟]$", m.group("num")):
                continue  # 三千到一万: the first number has a unit of its own; no range to tell
            approx = (min(value, v2), max(value, v2))
        if approx is not None:
            low, high = approx
            value, qualifier = (low + high) / 2, "range"
        out.append(Amount(text[amount_start:end], value, "CNY", qualifier, low, high, amount_start, end))
    return out

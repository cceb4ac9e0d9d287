"""Extraction on the project's own sentences: persons, money, places, dates, organisations.

Every sentence here is written for the test (no real petition text); names are invented, except those of
well-known historical and public figures."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from triage.errors import ConfigError
from triage.gazetteer import Gazetteer
from triage.nlp import Analyzer
from triage.nlp.lexicon import DATA_DIR, load_lexicon

GAZETTEER = Gazetteer(
    province="南江省", city="安平市", county="青石县",
    townships={"城关镇": ("城东社区", "桃园村"), "东关镇": ("东关村", "柳树村", "马家村"), "枫林乡": ("上坪村",)},
    departments=("民政局", "自然资源局", "住房和城乡建设局", "医疗保障局", "财政局"),
)

# text, amount text, value, currency, qualifier, low, high
MONEY_CASES = [
    ("他冒领低保金2.3万元。", "2.3万元", 23000, "CNY", "exact", 23000, 23000),
    ("共侵占16万多元。", "16万多元", 160000, "CNY", "over", 160000, 160000),
    ("涉及资金近1200万元。", "近1200万元", 12000000, "CNY", "about", 12000000, 12000000),
    ("挪用7961.62万元。", "7961.62万元", 79616200, "CNY", "exact", 79616200, 79616200),
    ("收了七千二百元好处费。", "七千二百元", 7200, "CNY", "exact", 7200, 7200),
    ("收受人民币叁万伍仟元整。", "人民币叁万伍仟元整", 35000, "CNY", "exact", 35000, 35000),
    ("每户收取1200~1400元不等。", "1200~1400元", 1300, "CNY", "range", 1200, 1400),
    ("索要3000余元。", "3000余元", 3000, "CNY", "over", 3000, 3000),
    ("给了他五百块钱。", "五百块钱", 500, "CNY", "exact", 500, 500),
    ("他拿了对方2.5万，没有打条。", "2.5万", 25000, "CNY", "exact", 25000, 25000),
    ("收受3.6万美元。", "3.6万美元", 36000, "USD", "exact", 36000, 36000),
    ("收受10万港元。", "10万港元", 100000, "HKD", "exact", 100000, 100000),
    ("收受2万欧元。", "2万欧元", 20000, "EUR", "exact", 20000, 20000),
    ("每亩1500元的补偿没有发放。", "1500元", 1500, "CNY", "exact", 1500, 1500),
    ("每人每月300元的补助被截留。", "300元", 300, "CNY", "exact", 300, 300),
    ("补偿款约5万元左右。", "约5万元左右", 50000, "CNY", "about", 50000, 50000),
    ("工资不到2000元。", "不到2000元", 2000, "CNY", "under", 2000, 2000),
    ("奖金5000元以上。", "5000元以上", 5000, "CNY", "over", 5000, 5000),
    ("涉案金额2至3万元。", "2至3万元", 25000, "CNY", "range", 20000, 30000),
    ("挪用公款共计1,200,000元。", "1,200,000元", 1200000, "CNY", "exact", 1200000, 1200000),
    ("贪污十二万元。", "十二万元", 120000, "CNY", "exact", 120000, 120000),
    ("行贿1.2亿元。", "1.2亿元", 120000000, "CNY", "exact", 120000000, 120000000),
    ("停车费从6元到12元不等。", "6元到12元", 9, "CNY", "range", 6, 12),
    ("每亩补偿1000元至1500元。", "1000元至1500元", 1250, "CNY", "range", 1000, 1500),
    # neighbouring digits are an approximate range
    ("修一次水管花了四五百块钱。", "四五百块钱", 450, "CNY", "range", 400, 500),
    ("住院前后花了六七万元。", "六七万元", 65000, "CNY", "range", 60000, 70000),
    ("他家装修花了一两百万。", "一两百万", 1500000, "CNY", "range", 1000000, 2000000),
    ("补偿款只有十七八万元。", "十七八万元", 175000, "CNY", "range", 170000, 180000),
    # money by context: digits with 百 before 万, and a sum at the very end of the text
    ("工程款到账后，2百多万先发给工人。", "2百多万", 2000000, "CNY", "over", 2000000, 2000000),
    ("他一共欠我3万", "3万", 30000, "CNY", "exact", 30000, 30000),
    # a range by context, and a money word further back in the clause
    ("这几年的租金收入有300—600万，都被挪用了。", "300—600万", 4500000, "CNY", "range", 3000000,
     6000000),
    ("承包商拖欠了当年一起干活的合伙人刘某三千多万，至今未还。", "三千多万", 30000000, "CNY", "over",
     30000000, 30000000),
    # a plain number after a word about paying, tenths of a yuan, 出头
    ("食堂每月消费300，不够再充。", "300", 300, "CNY", "exact", 300, 300),
    ("开水房打水六毛钱一壶。", "六毛钱", 0.6, "CNY", "exact", 0.6, 0.6),
    ("我每月工资3000出头，养不起车。", "3000出头", 3000, "CNY", "over", 3000, 3000),
    # thousands and hundreds without 元 in a clause about money, colloquial 2千1 / 1万5, neighbouring digits
    ("物业费一年三千多，服务却很差。", "三千多", 3000, "CNY", "over", 3000, 3000),
    ("代课老师工资两千多一个月。", "两千多", 2000, "CNY", "over", 2000, 2000),
    ("装修费2千1一平，太贵了。", "2千1", 2100, "CNY", "exact", 2100, 2100),
    ("车位单价1万5，还要捆绑购买。", "1万5", 15000, "CNY", "exact", 15000, 15000),
    ("中介收费五千到一万不等。", "五千到一万", 7500, "CNY", "range", 5000, 10000),
    ("补课一次收费两三千。", "两三千", 2500, "CNY", "range", 2000, 3000),
    ("他截留的款项有8万之多。", "8万之多", 80000, "CNY", "over", 80000, 80000),
    # 人民币 after the number; investment words make a sum; 块 before a particle
    ("公司最后只赔了我们6万人民币。", "6万人民币", 60000, "CNY", "exact", 60000, 60000),
    ("他出资200万成立了公司。", "200万", 2000000, "CNY", "exact", 2000000, 2000000),
    ("售票员说学生票便宜2块呢。", "2块", 2, "CNY", "exact", 2, 2),
    # Arabic digits in several sections; a sale verb makes a sum by context
    ("购房时交了23万5千元首付。", "23万5千元", 235000, "CNY", "exact", 235000, 235000),
    ("这台旧电脑他卖我三千多。", "三千多", 3000, "CNY", "over", 3000, 3000),
    # a range whose first number borrows the second's unit; plain sums and ranges after 收取 / 扣
    ("修路每户又集资两到三千。", "两到三千", 2500, "CNY", "range", 2000, 3000),
    ("补课班每期收取300至500，家长意见很大。", "300至500", 400, "CNY", "range", 300, 500),
    ("没考过就要扣1500，合同里没写。", "1500", 1500, "CNY", "exact", 1500, 1500),
    # a fee word before a plain number, a range written high to low with 不等; digits with a pause mark between
    # them; a colloquial digit after the unit (一百三 = 130)
    ("孩子的学费3000-1500不等，都没有退。", "3000-1500", 2250, "CNY", "range", 1500, 3000),
    ("村里每户要交入户费三、四千。", "三、四千", 3500, "CNY", "range", 3000, 4000),
    ("每人收取一、二千元的押金。", "一、二千元", 1500, "CNY", "range", 1000, 2000),
    ("工钱一百三一天，干了十天。", "一百三", 130, "CNY", "exact", 130, 130),
    ("兴趣班的学费一两千一人，另收资料费。", "一两千", 1500, "CNY", "range", 1000, 2000),
    # 个 between the numeral and 亿; a plain number with 左右 or 多 in a clause about pay
    ("这个项目的资金预计有十个亿。", "十个亿", 1_000_000_000, "CNY", "exact", 1_000_000_000, 1_000_000_000),
    ("工资扣了保险之后大概3800左右，还经常拖欠。", "3800左右", 3800, "CNY", "about", 3800, 3800),
    ("我们在店里订购了两万多的沙发。", "两万多", 20000, "CNY", "over", 20000, 20000),
    ("那笔投资最后（亏损：31870）。", "31870", 31870, "CNY", "exact", 31870, 31870),
    # a plain number before "a square metre" is a price; income and embezzlement are money words; full-width commas
    # as thousands separators
    ("这两年房子贵了1500一平都不止。", "1500", 1500, "CNY", "exact", 1500, 1500),
    ("他侵吞集体收入300到500万。", "300到500万", 4_000_000, "CNY", "range", 3_000_000, 5_000_000),
    ("押金12，000元。", "12，000元", 12000, "CNY", "exact", 12000, 12000),
    ("开发商付给村里7，300，000元。", "7，300，000元", 7_300_000, "CNY", "exact", 7_300_000, 7_300_000),
    # a payment word ending in 款 before a plain sum; a plain number before 的 and a fee; a price per square metre
    # written with a slash; 来 before 万 ("about")
    ("这套房的总房款为736500。", "736500", 736500, "CNY", "exact", 736500, 736500),
    ("车位每月另收2.35的管理费。", "2.35", 2.35, "CNY", "exact", 2.35, 2.35),
    ("隔壁楼盘毛坯只要5400/平。", "5400", 5400, "CNY", "exact", 5400, 5400),
    ("老板欠供应商货款300来万。", "300来万", 3_000_000, "CNY", "about", 3_000_000, 3_000_000),
    ("住院四天花了两仟八百多。", "两仟八百多", 2800, "CNY", "over", 2800, 2800),
    ("装修一下就用掉6、7万元。", "6、7万元", 65000, "CNY", "range", 60000, 70000),
    ("代课老师的绩效只有四千。", "四千", 4000, "CNY", "exact", 4000, 4000),
    # hundreds of millions alone at the end of a clause
    ("这家企业的注册资本是8000万。", "8000万", 80_000_000, "CNY", "exact", 80_000_000, 80_000_000),
    ("平台待还的总额达2.7亿。", "达2.7亿", 270_000_000, "CNY", "over", 270_000_000, 270_000_000),
    # fares and prices in Chinese numerals or plain digits after words of paying; a decimal price per square
    # metre; a range per square metre; a sum per household; a dot typed for a full stop before a sum; hundreds of
    # millions after 诈骗; a sum someone cannot afford
    ("打车到车站只花了三十七，挺便宜。", "三十七", 37, "CNY", "exact", 37, 37),
    ("师傅开口要价六十。", "六十", 60, "CNY", "exact", 60, 60),
    ("标牌上的价格约为38，也不贵。", "38", 38, "CNY", "exact", 38, 38),
    ("小区物业费2.3每平米。", "2.3", 2.3, "CNY", "exact", 2.3, 2.3),
    ("新楼盘卖6100-6300一平。", "6100-6300", 6200, "CNY", "range", 6100, 6300),
    ("这笔钱按3200/户摊。", "3200", 3200, "CNY", "exact", 3200, 3200),
    ("各家都凑了好多万.二十来万的欠款太多。", "二十来万", 200_000, "CNY", "about", 200_000, 200_000),
    ("那个老板诈骗近三亿后跑了。", "近三亿", 300_000_000, "CNY", "about", 300_000_000, 300_000_000),
    ("工薪家庭负担不了15万的车位。", "15万", 150_000, "CNY", "exact", 150_000, 150_000),
    # a decimal sum in 块 before a unit of area; 不低于 ("at least") before a sum and a rate per unit; any price
    # word (票价) before a plain number; a space before the number; a down payment
    ("停车费高达1.6块一平米。", "高达1.6块", 1.6, "CNY", "over", 1.6, 1.6),
    ("报价不低于350万1套。", "不低于350万", 3_500_000, "CNY", "over", 3_500_000, 3_500_000),
    ("平均票价25，", "25", 25, "CNY", "exact", 25, 25),
    ("原来的价格 2600，", "2600", 2600, "CNY", "exact", 2600, 2600),
    ("售楼处说首付6万就能买。", "6万", 60_000, "CNY", "exact", 60_000, 60_000),
    # income: of a kind (门面收入), or right after the sum (一千多收入)
    ("小区的门面收入一年有三十万。", "三十万", 300_000, "CNY", "exact", 300_000, 300_000),
    ("他们家每月一千多收入，压力很大。", "一千多", 1000, "CNY", "over", 1000, 1000),
    # a colloquial hundreds digit (两千六百八 = 2,680); paying in and getting back (缴纳, 退回) make sums of bare
    # numerals; a range before a fee; a numeral after 多 starts a phrase of its own (三万多|五个月)
    ("学费按一千六百五一个月收。", "一千六百五", 1650, "CNY", "exact", 1650, 1650),
    ("当初缴纳三千的时候说好可以退。", "三千", 3000, "CNY", "exact", 3000, 3000),
    ("不想读了就退回三千，合同上写的。", "三千", 3000, "CNY", "exact", 3000, 3000),
    ("报名要先交1000到3000的保证金。", "1000到3000", 2000, "CNY", "range", 1000, 3000),
    ("每季度多交2-300的卫生费用。", "2-300", 250, "CNY", "range", 200, 300),
    ("老板欠大家工钱共五万多五个月了。", "五万多", 50_000, "CNY", "over", 50_000, 50_000),
    ("住院平均花费在4000左右（含检查）。", "4000左右", 4000, "CNY", "about", 4000, 4000),
    ("住院费用报销后800多能结清。", "800多", 800, "CNY", "over", 800, 800),
    # a plain number before "a month" in a clause about money; a price per month after a label and a colon
    ("滞纳金涨到了2400每月。", "2400", 2400, "CNY", "exact", 2400, 2400),
    ("二期幼儿园：2600/月，太贵了。", "2600", 2600, "CNY", "exact", 2600, 2600),
    ("有人每年拿30万左右的灰色收入。", "30万左右", 300_000, "CNY", "about", 300_000, 300_000),
    # 个多亿; a subsidy per person; a range before a bonus
    ("涉案资金有4个多亿。", "4个多亿", 400_000_000, "CNY", "over", 400_000_000, 400_000_000),
    ("搬迁补贴人均15000，其他没有。", "15000", 15000, "CNY", "exact", 15000, 15000),
    ("每月只有100-300的全勤奖。", "100-300", 200, "CNY", "range", 100, 300),
    # a rate per shop unit; 亿 after 中标 or a project's cost (项目 is no count); nearly a million is a sum
    ("物业只发一张通知就把260一个月的车位费提了。", "260", 260, "CNY", "exact", 260, 260),
    ("这两年的房贷月供均为1830.5。", "1830.5", 1830.5, "CNY", "exact", 1830.5, 1830.5),
    # 竟高达 before a fee's sum; 价钱; a price per jin; a range after 达
    ("学校的学费竟高达17800，是别的学校的几倍。", "17800", 17800, "CNY", "exact", 17800, 17800),
    ("电动车的购买价钱3800，厂家不给退。", "3800", 3800, "CNY", "exact", 3800, 3800),
    ("猪肉价格涨到30/斤。", "30", 30, "CNY", "exact", 30, 30),
    ("商户的电费高摊达1元—3元不等。", "1元—3元", 2, "CNY", "range", 1, 3),
    # the range of a fine a rule sets
    ("中介向每位买家另收9万-12万的服务费。", "9万-12万", 105_000, "CNY", "range", 90_000, 120_000),
    ("依规定应处二万元以上八万元以下罚金。", "二万元以上八万元以下", 50_000, "CNY", "range", 20_000, 80_000),
    ("临街店面租金5万一开间，大家都嫌贵。", "5万", 50_000, "CNY", "exact", 50_000, 50_000),
    ("对外宣称一年中标120亿 ，谁信？", "120亿", 12_000_000_000, "CNY", "exact", 12_000_000_000, 12_000_000_000),
    ("这个造价5亿项目问题很多。", "5亿", 500_000_000, "CNY", "exact", 500_000_000, 500_000_000),
    ("他的老朋友将近百万的存款都被骗走了。", "将近百万", 1_000_000, "CNY", "about", 1_000_000, 1_000_000),
    # a price per time, year, quarter, bottle or ton written without 元; 成本 (cost) is a money word
    ("驾校补考要450一次，这合理吗？", "450", 450, "CNY", "exact", 450, 450),
    ("书法班是9600一年，还不含材料。", "9600", 9600, "CNY", "exact", 9600, 9600),
    ("对面那套房子是1800一个季度。", "1800", 1800, "CNY", "exact", 1800, 1800),
    ("小区超市的矿泉水卖到12一瓶。", "12", 12, "CNY", "exact", 12, 12),
    ("物业转供的自来水要5.12一吨。", "5.12", 5.12, "CNY", "exact", 5.12, 5.12),
    ("办这个证的成本只要3万左右。", "3万左右", 30_000, "CNY", "about", 30_000, 30_000),
    # 只 before a verb is "only", not a count of animals; 卖到 before a plain sum
    ("首期交了6.5万只算是订金。", "6.5万", 65_000, "CNY", "exact", 65_000, 65_000),
    ("一台旧电脑竟然能卖到9800 运费还另算。", "9800", 9800, "CNY", "exact", 9800, 9800),
    # a plain number before 底薪; 多块 before 可/能 is a sum of money
    ("说好入职之后4500底薪，后来不认账。", "4500", 4500, "CNY", "exact", 4500, 4500),
    ("他辛苦一年挣的6000多块可以过年了。", "6000多块", 6000, "CNY", "over", 6000, 6000),
    # 罚 right before a plain number (扣3分 stays points)
    ("违停被罚150，扣3分。", "150", 150, "CNY", "exact", 150, 150),
    # a price per cubic metre or litre written with a slash; a fee after 仅; 花 right before a sum
    ("隔壁市天然气才3.60/立方，我们这里贵得多。", "3.60", 3.6, "CNY", "exact", 3.6, 3.6),
    ("小区物业费仅1.65，开发商后来要按2.1收。", "1.65", 1.65, "CNY", "exact", 1.65, 1.65),
    ("改造路灯花60多万，群众看不到效果。", "60多万", 600_000, "CNY", "over", 600_000, 600_000),
    # a price per day or per term; a loss or a top-up is money; nearly a hundred million; a range in 块
    ("护工费是按180一天算的。", "180", 180, "CNY", "exact", 180, 180),
    ("学费是9800一个学期。", "9800", 9800, "CNY", "exact", 9800, 9800),
    ("这次水灾让合作社损失30多万。", "30多万", 300_000, "CNY", "over", 300_000, 300_000),
    ("会员卡充值2万，送一套洗护用品。", "2万", 20_000, "CNY", "exact", 20_000, 20_000),
    ("新园区投资了近亿元。", "近亿元", 100_000_000, "CNY", "about", 100_000_000, 100_000_000),
    ("寄件按重量收3块到8块钱不等。", "3块到8块钱", 5.5, "CNY", "range", 3, 8),
    # the yuan sign with no 元; 只要 before a plain sum; a whole number right before a fee's name
    ("物业费￥2.8/平，比隔壁贵。", "￥2.8", 2.8, "CNY", "exact", 2.8, 2.8),
    ("本月实发￥3960。", "￥3960", 3960, "CNY", "exact", 3960, 3960),
    ("教练说只要2800，保证拿证。", "2800", 2800, "CNY", "exact", 2800, 2800),
    ("剩下的300公证费也不合理。", "300", 300, "CNY", "exact", 300, 300),
    # a range whose two ends both say "more than"
    ("车位售价高达五万多至六万多一个。", "高达五万多至六万多", 55_000, "CNY", "range", 50_000, 60_000),
    # a price per unit after a slash (per air conditioner)
    ("装空调要交押金300/台，不退。", "300", 300, "CNY", "exact", 300, 300),
    # a plain number before 的 and a return on an investment
    ("他只拿过两次2000的利息，本金没影了。", "2000", 2000, "CNY", "exact", 2000, 2000),
    # ten-thousands written with w; 之巨 after a sum; a price per month after 要; a floor price
    ("差价至少有8w，业主们算过。", "8w", 80_000, "CNY", "exact", 80_000, 80_000),
    ("这个平台融资达5亿之巨。", "达5亿", 500_000_000, "CNY", "over", 500_000_000, 500_000_000),
    ("一间杂物房居然要1800一个月。", "1800", 1800, "CNY", "exact", 1800, 1800),
    ("那块地最后楼面价3870成交。", "3870", 3870, "CNY", "exact", 3870, 3870),
    # a deposit or a balance right before a plain number; a number before 的 and a quota
    ("5月3日又存860，到现在也没到账。", "860", 860, "CNY", "exact", 860, 860),
    ("每月3900的报销额度根本不够用。", "3900", 3900, "CNY", "exact", 3900, 3900),
    # a plain number before 的 and a penalty
    ("合同上写着近5000的违约金。", "5000", 5000, "CNY", "exact", 5000, 5000),
]

# several sums in one text: (text, values in order)
MONEY_LISTS = [
    ("技师和高级技师分别奖励1000、3000元。", [1000, 3000]),
    ("小班收费2000，300元餐费另收。", [2000, 300]),
    ("押金1,500元，月租800元。", [1500, 800]),
    ("公交卡只能充50或100元。", [50, 100]),
    ("分别补偿2、5万元。", [20000, 50000]),
    ("楼盘报价分为5200、6700、7300元/平。", [5200, 6700, 7300]),
    ("大多数交300，现在每次交600。", [300, 600]),
    ("限价4300到均价5200，依据何在？", [4300, 5200]),
    # a plain number listed after a plain sum; a price before 单价/均价
    ("两套房分别月供为2600和1900，压力太大。", [2600, 1900]),
    # 获利 makes hundreds written in numerals sums
    ("棋牌室老板靠抽水获利，少则一天三百，多则六七百。", [300, 650]),
    ("有人以6800单价买的，有人却是以7900单价。", [6800, 7900]),
    # after a sum, 和 and a year or a count: no second sum
    ("收费3000和2019年的一样。", [3000]),
    ("补贴500和3户人家有关。", [500]),
    # round sums listed and closed by 不等, after a card or money word in the clause
    ("我们都在她店里办了卡，一般充八百，一千，两千不等。", [800, 1000, 2000]),
    ("会费每人交3百、5百、1千不等。", [300, 500, 1000]),
    # a sum written again later with no unit is the same sum, at every bare mention
    ("每个孩子交了4800元活动费，这4800到底花在哪里？", [4800, 4800]),
    ("装修一套房要18万，这18万我们拿不出。", [180000, 180000]),
    ("物业费每月每平1.85元，别的小区1.85都嫌贵。", [1.85, 1.85]),
    # but not a count, a measure or a service number that shares its digits
    ("全村集资修路每户摊了500元，500户人家都有意见。", [500]),
    ("每户退了360元，可还有360多户没退。", [360]),
    ("救护车费花了120元，后来又打了120。", [120]),
]

NOT_MONEY = [
    "新城规划人口36万，配套严重不足。",
    "流转土地60亩，涉及3户5人。",
    "查获假冒商品138万件。",
    "贫困发生率下降到3.5%。",
    "联系电话13812345678。",
    "身份证号码410123199001011234。",
    "2017年至2019年间多次到村里。",
    "一共有2.5万人参加。",
    "种了一块地。",
    "为了治病，家里借了几万块钱。",
    "加重了群众负担。今年有480多万考生报名。",  # a burden in the clause before, a count of people
    "他花了三十天时间才办好。",
    "违约金0.2万分之，太低了。",  # a rate per ten thousand
    "每户扣3.5㎡面积。",
    "买了三块地，两块牌子。",
    "每年的租金少说也有30，40万，十年就更多。",  # "thirty or forty", not 30,400,000
    "学校一共有学生2400，老师120。",  # plain numbers with no word about paying
    "共计1200人次参加了培训。",
    # orders of magnitude, not sums; counts in thousands
    "账上有几百万对不上，钱去哪了？",
    "骗了商户上千万的资金。",
    "他们损失了数万元。",
    "活动一共有三千多人参加，收费很乱。",
    "违约金按总价的千万之一计算。",
    "老师又要拿30班的学生做试点。",
    "逃课一次扣12学分。",
    # zero is no sum; a colloquial number with no word about money
    "办卡工本费为零元。",
    "会员费是0元，后来又要收钱。",
    "他数学考了一百三，全班第一。",
    "一、二、三等奖各五名。",
    "这次集资涉及3000多受害人，钱都没退。",
    "工资的事从2019左右就开始拖了。",
    "损失了几个亿的资金。",
    # 十几 is an order of magnitude, like 几万
    "多花上十几块的车费。",
    "只给我家十几万元就想让我们腾房。",
    "污水倒灌进了厨房，真是十万火急。",
    "培训机构没亏一毛钱。",
    "一年的停车收入有5，600万。",  # "five or six million"
    "停车费一块，物业从来不公示。",  # "the part about the parking fee"
    "全国有14亿人。",
    "按合同条款12执行。",
    "售楼处说全款83折。",
    "你千万不要去，钱要不回来的。",
    "商场开展千万豪礼活动。",
    "像千千万万的农民工一样，他也在外地。",
    "他们收的加盟费达到千万级别。",
    "物业公司一毛钱都没有赔。",
    "政府征收21组的土地。",
    "公交158路开通后方便了很多。",
    "要求：1、2、3点都做到。",
    # a year before 一年; a count of people before 一次
    "2019一年里他没来过一次。",
    "从2018一年年底开始施工。",
    "他家养了3万只鸡。",
    "工地上还有3000块砖能用。",
    # a count of buyers or residents after 千多 / 万余
    "开发商捆绑销售，3千多购房者投诉无门。",
    # points, not money; a hundred million said with 上 or 高达 and no numeral is vague
    "消费一次送2万积分。",
    "这个项目投资上亿元。",
    # a date after 发工资; a percentage before a fee; seconds
    "发工资11.21加班费另算。",
    "扣除百分之15手续费后退款。",
    "绿灯只要15秒左右。",
    # a count written with W
    "小区住户超5W人。",
    # 存 inside a word (保存, 库存)
    "数据要保存20天。",
    # 十来万 is an order of magnitude
    "买房的首付款都被倒扣十来万。",
    # a number run into a broken link
    "新车的价格要求15https://example.com/米。",
    # "not a penny" with the negation further back in the clause
    "作为住户，我们没拖欠物业一毛钱管理费。",
    # 十多万, like 十几万, is an order of magnitude
    "村民们踊跃捐了十多万修路。",
    # "about a thousand households" (来户) is a count
    "楼盘烂尾以后，我们一千来户业主都拿不到房。",
    # a count of workers with a word before 职工 (three thousand railway workers), in a clause about money
    "开发商捆绑车位收费，损害了三千多电厂职工的权益。",
    # a count of people after a phrase of theirs and 的; "a step back of ten thousand steps"
    "区里花了不少钱，周边却住着近十万外出打工回来的青年。",
    "退一万步讲，这笔钱也不该由我们出。",
    # steps counted, not money; a list of counts closed by 不等 with no money in the clause
    "每天走一万步对身体好。",
    "每个班的人数三十，四十，五十不等。",
]

# text, expected persons as (name, role, level, party); order free; only listed persons may be found
# Parts (accused, petitioner, other) follow the guide in corpora/eval/LABELLING.md since 2026-12-03 (evening): the
# person a message complains about is accused whatever their job (a boss who owes wages, a neighbour who builds
# illegally), and every name listed with the writer's (求助人甲，乙，丙; 签名：…) is a petitioner. Eight older cases
# that recorded "other" for them were changed accordingly.
PERSON_CASES = [
    ("村主任张建国冒领低保金。", [("张建国", "村主任", "village", "accused")]),
    # a name the dictionary knows whose given name is also a word (建新, 建明): still the name after the title
    ("村支书刘建新贪污扶贫款。", [("刘建新", "村支书", "village", "accused")]),
    ("村主任周建明冒领低保金。", [("周建明", "村主任", "village", "accused")]),
    # news text: bylines, trades and posts right before a name, and the State Council's titles
    ("本报记者贺云舟报道，今年全市新建学校十所。", [("贺云舟", None, "unknown", "other")]),
    ("新华社电（记者柯蔓）近日，全省召开会议。", [("柯蔓", None, "unknown", "other")]),
    ("著名导演邵一凡的新片昨日上映。", [("邵一凡", None, "unknown", "other")]),
    ("主教练葛中岳赛后表示对球员很满意。", [("葛中岳", None, "unknown", "other")]),
    ("大学教授郁启明认为，政策仍需完善。", [("郁启明", None, "unknown", "other")]),
    ("国务院总理韩立言主持召开常务会议。", [("韩立言", "国务院总理", "city_or_above", "other")]),
    # well-known persons (triage/data/lexicon_known_persons.txt) with no title or cue, wherever the segmenter leaves
    # the name whole; a known surname alone after another dotted part takes the whole name; never accused without a
    # cue of their own (a memorial is the person's, 纪念馆)
    ("居里夫人两次获得诺贝尔奖。", [("居里夫人", None, "unknown", "other")]),
    ("达尔文的进化论改变了生物学。", [("达尔文", None, "unknown", "other")]),
    ("纪录片讲述了埃德温·达尔文的一生。", [("埃德温·达尔文", None, "unknown", "other")]),
    ("村会计吴友明借聂耳纪念馆修缮之名向村民摊派费用。",
     [("吴友明", "村会计", "village", "accused"), ("聂耳", None, "unknown", "other")]),
    # a known name that another mention writes after a common surname is that person's given name, not the figure
    ("聂耳二审刑事判决书。原审被告人冯聂耳犯挪用公款罪。", [("冯聂耳", None, "unknown", "accused")]),
    # foreign names written in Chinese, read whole after a title or a trade; a verb of saying marks a bare name
    ("发言人莫里斯·卡森说，谈判仍在继续。", [("莫里斯·卡森", None, "unknown", "other")]),
    ("该队主帅贝纳迪尼在赛后表示满意。", [("贝纳迪尼", None, "unknown", "other")]),
    # a foreign name the dictionary knows as one, after a trade (no character only foreign names use); a name in
    # Latin letters after a trade or a title
    ("球队主教练凯勒赛后表示满意。", [("凯勒", None, "unknown", "other")]),
    ("游戏的首席设计师JohnBarker接受了采访。", [("JohnBarker", None, "unknown", "other")]),
    ("公司技术总监Anna在会上介绍了新产品。", [("Anna", "总监", "unknown", "other")]),
    # a foreign name whose parts a dot joins, after a trade: the next word is left out
    ("该片导演汉斯·穆勒表示满意。", [("汉斯·穆勒", None, "unknown", "other")]),
    ("公司发言人约翰·米勒说，产品将在下月上市。", [("约翰·米勒", None, "unknown", "other")]),
    # a transliterated name after a trade, without the character that starts the next word (佐朗|本场)
    ("球队的主教练卡朗在赛后接受了采访。", [("卡朗", None, "unknown", "other")]),
    ("新教练佐朗本场比赛不会出场。", [("佐朗", None, "unknown", "other")]),
    # the surname again with a form of address after the full name is the same person: 罗佳|罗女士
    ("门店经理罗佳罗女士接待了我们。", [("罗佳", "经理", "unknown", "other")]),
    # a title glued to the word before it (名誉|会长); a byline's single name even when it is a word (方圆)
    ("商会名誉会长贺文涛出席了年会。", [("贺文涛", "会长", "unknown", "other")]),
    # a given name that is a noun (和平) alone between a strong cue and a stop
    ("我叫孟和平，男，今年58岁，家住城南。", [("孟和平", None, "unknown", "petitioner")]),
    # a title sharing its first character with the body before it: 派出所长 (派出所 + 所长)
    ("镇财政所长柯文斌挪用专项资金。", [("柯文斌", "所长", "township", "accused")]),
    # an account's name (户名) announces a person; a name after 买受人为 may close a bracket
    ("收款账户户名：詹明亮，开户行：农业银行。", [("詹明亮", None, "unknown", "other")]),
    ("房屋（实际买受人为柳云山），曾于2016年过户。", [("柳云山", None, "unknown", "other")]),
    # 则 may be a given name's character (关则宇), and still ends one before a verb (王强|则要求)
    ("被告人关则宇到庭参加诉讼。", [("关则宇", None, "unknown", "accused")]),
    ("村主任王强则要求我们离开。", [("王强", "村主任", "village", "accused")]),
    # …and so may 又 (孔又新), but not before a verb (王|又来了)
    ("我外公叫孔又新，今年八十岁。", [("孔又新", None, "unknown", "other")]),
    ("村主任王又来了，还是不管。", [(None, "村主任", "village", "accused")]),
    # levels: a town's armed-forces department is the town's, a county's the county's; a township's central school;
    # the township's poverty-relief officer
    ("青山镇武装部部长柯明亮违规分配公租房。", [("柯明亮", "山镇武装部部长", "township", "accused")]),
    ("县人武部部长詹明亮收受好处费。", [("詹明亮", "县人武部部长", "county_dept", "accused")]),
    ("柳溪中心学校校长敖建新克扣学生营养餐。", [("敖建新", "中心学校校长", "township", "accused")]),
    ("城关镇扶贫专干龚立红私分扶贫物资。", [("龚立红", "城关镇扶贫专干", "township", "accused")]),
    # a name the title's reading cut short (钱文|永在: 永在 is a word) and the segmenter kept whole keeps the title
    ("村委委员钱文永在去年私分了扶贫物资。", [("钱文永", "村委委员", "village", "accused")]),
    # the idiom 门难进、脸难看 after a name is not part of it
    ("我去盖章，村委会主任王秀门难进、脸难看。", [("王秀", "村委会主任", "village", "accused")]),
    ("我去办事，城关镇副镇长门难进、脸难看。", [(None, "城关镇副镇长", "township", "accused")]),
    # a verb of the wrong after a three-character name ends it (林带 is a word, 带人 the wrong); traditional characters
    # end an anonymised name too (違規), and so does a verb (挂床)
    ("村委会主任的柯继林带人殴打村民。", [("柯继林", "村委会主任", "village", "accused")]),
    ("舉報：某村村委委员雷某違規經商辦企業。", [("雷某", "某村村委委员", "village", "accused")]),
    ("卫生院院长滕某挂床住院，伪造病历。", [("滕某", "卫生院院长", "township", "accused")]),
    # a letter that asks for an investigation (请予查处, 彻查, 严查) accuses the person it names
    ("村民张建国把集体的山卖给了外地老板，请予查处。", [("张建国", None, "unknown", "accused")]),
    ("（记者方圆）区里昨天召开了会议。", [("方圆", None, "unknown", "other")]),
    ("林岚预计，今年粮价会上涨。", [("林岚", None, "unknown", "other")]),
    # a speaker opening a line before a colon; a byline's names written together
    ("林岚：我认为本轮主队占优。", [("林岚", None, "unknown", "other")]),
    ("新华社电（记者柯蔓邵云帆）近日，全省召开会议。",
     [("柯蔓", None, "unknown", "other"), ("邵云帆", None, "unknown", "other")]),
    ("本报记者贺云舟上海报道", [("贺云舟", None, "unknown", "other")]),
    # the writers: co-signers each before a masked number, a teacher signing a report, an opening self-description
    ("小区停车位被占。柯长明************ 张志华************ 陈武强************",
     [("柯长明", None, "unknown", "petitioner"), ("张志华", None, "unknown", "petitioner"),
      ("陈武强", None, "unknown", "petitioner")]),
    ("学校乱收费问题严重。城南中学周立平老师实名举报，以上情况属实。",
     [("周立平", "老师", "unknown", "petitioner")]),
    ("锦华苑住户柯长明，现年62岁。楼上漏水半年无人处理。", [("柯长明", None, "unknown", "petitioner")]),
    ("锦华苑业主柯长明在楼道堆放杂物，影响通行。", [("柯长明", None, "unknown", "other")]),
    # abuse of one's post as a wrong; 干警 announces a name
    ("发证那年，组长柳云山利用手中的权力做假账。", [("柳云山", "组长", "unknown", "accused")]),
    ("干警钟明亮利用职务便利偷看他人信息。", [("钟明亮", None, "unknown", "accused")]),
    # 先生 glued to the given name's last character by the segmenter; a firm named after a semicolon is another's
    ("宏达公司董事长柯晓林先生讲话。", [("柯晓林", "公司董事长", "unknown", "other")]),
    ("主管柯明；华润集团的代表也到了。", [("柯明", "主管", "unknown", "other")]),
    # a contract's or a firm's contact person is someone else's, the writer's contact line stays the writer's
    ("协议里写明指定联系人柯坚负责对接，不代表个人。", [("柯坚", None, "unknown", "other")]),
    ("请尽快处理。联系人：柯坚，电话：*******", [("柯坚", None, "unknown", "petitioner")]),
    # anonymised people told apart by a numeral after 某某; a count after an anonymised name is no index
    ("询问柳某某一、钟某某二、黄某某三的笔录。",
     [("柳某某一", None, "unknown", "other"), ("钟某某二", None, "unknown", "other"),
      ("黄某某三", None, "unknown", "other")]),
    ("第二批是柳某某、黄某某3户。", [("柳某某", None, "unknown", "other"), ("黄某某", None, "unknown", "other")]),
    # a preposition glued to the surname by the segmenter (经梁|金宝, 由伍|文斌)
    ("那年经梁金宝牵线，我认识了老板。", [("梁金宝", None, "unknown", "other")]),
    ("这笔费用由伍文斌垫付。", [("伍文斌", None, "unknown", "other")]),
    # a list's three-character name whose last character often starts a word (边); 刚, 钱 after 某 are no given name
    ("他叫我和罗国边、柳某某去吃饭。",
     [("罗国边", None, "unknown", "other"), ("柳某某", None, "unknown", "other")]),
    ("他说吕某钱不够用，骆某刚回到村里。", [("吕某", None, "unknown", "other"), ("骆某", None, "unknown", "other")]),
    # a rare surname; an anonymised name glued to a date's 日; a numbered one before 我
    ("尚某、谷某、濮某到场。",
     [("尚某", None, "unknown", "other"), ("谷某", None, "unknown", "other"), ("濮某", None, "unknown", "other")]),
    ("2016年3月2日钟某某写了一份说明。", [("钟某某", None, "unknown", "other")]),
    ("证人赖文生的证言证实了这一点。", [("赖文生", None, "unknown", "other")]),  # 赖, a surname missing till now
    # a private group's chairman has no cadre's level; a state group's head has (中国…集团, A市…集团)
    ("宏远集团董事长柯晓林在会上讲话。", [("柯晓林", "集团董事长", "unknown", "other")]),
    ("A市交通集团董事长柯晓林在会上讲话。", [("柯晓林", "集团董事长", "city_or_above", "other")]),
    ("中国华远集团原总经理柯晓林受贿。", [("柯晓林", "集团原总经理", "city_or_above", "accused")]),
    # only the group's own name counts (市民投诉|宏远集团: 市 belongs to 市民, before the verb); 建工 is no verb there
    ("市民投诉宏远集团董事长柯晓林拖欠工程款。", [("柯晓林", "集团董事长", "unknown", "accused")]),
    ("省建工集团董事长柯晓林受贿。", [("柯晓林", "集团董事长", "city_or_above", "accused")]),
    # the general manager of the firm complained about
    ("开发商的总经理柯晓林至今避而不见，业主多次投诉。", [("柯晓林", "总经理", "unknown", "accused")]),
    ("办事员柯晓林忽悠我们先签字，后来一直避而不见。", [("柯晓林", None, "unknown", "accused")]),  # 忽悠, a wrong
    # more of the writer's forms: places set off by commas before 村民X, 我，X，, a name after 此致, speaking for
    # the residents, an address and a number after the name near the end
    ("我是东山县，青石镇柳塘村，下湾组村民柯建胤，反映一件事。", [("柯建胤", None, "unknown", "petitioner")]),
    ("有件事想说。我，柯春华，家在城东镇，反映一件事。", [("柯春华", None, "unknown", "petitioner")]),
    ("望早日解决为盼！此致柯俭勤2020年3月1日", [("柯俭勤", None, "unknown", "petitioner")]),
    ("小区停车难。柯刚志代表本小区居民反映此事。", [("柯刚志", None, "unknown", "petitioner")]),
    ("会上柯刚志代表村委会讲话。", [("柯刚志", None, "unknown", "other")]),
    ("望回复。柯吉永，住东门菜场3栋2号，联系电话：********", [("柯吉永", None, "unknown", "petitioner")]),
    ("钱交给了王某某二还是刘某某四我忘了。",
     [("王某某二", None, "unknown", "other"), ("刘某某四", None, "unknown", "other")]),
    ("村党支部书记袁某虚报危房改造补助。", [("袁某", "村党支部书记", "village", "accused")]),
    ("袁某(村主任)截留补偿款。", [("袁某", "村主任", "village", "accused")]),
    ("村支书、村主任、村会计相互勾结私分集体资金。",
     [(None, "村支书", "village", "accused"), (None, "村主任", "village", "accused"),
      (None, "村会计", "village", "accused")]),
    ("财政所所长李某某知情不报。", [("李某某", "财政所所长", "township", "accused")]),
    # a list's earlier items, before a name that 等人 or 另案 marks (the last item alone was found before)
    ("此后他又多次约涂建平、喻红军、闵志刚等人一起吃饭。",
     [("涂建平", None, "unknown", "other"), ("喻红军", None, "unknown", "other"),
      ("闵志刚", None, "unknown", "other")]),
    ("同案人员侯立新、段明辉另案处理。", [("侯立新", None, "unknown", "other"), ("段明辉", None, "unknown", "other")]),
    ("我们买了苹果、李子、梨子等水果。", []),
    # a list of names each with its sum: the items after the first run up to their sums (建设, 繁荣 are words)
    ("他分别收受钟玉林5万元、严建设3万元、孔繁荣2万元。",
     [("钟玉林", None, "unknown", "other"), ("严建设", None, "unknown", "other"),
      ("孔繁荣", None, "unknown", "other")]),
    ("支付给王师傅2000元、李老板3000元。", []),
    # a judgment's people after their role; 曾 right after a name is "once", not a second person
    ("检察员柴文斌出庭支持公诉。", [("柴文斌", None, "unknown", "other")]),
    ("受贿款中的5万元系由特定关系人苗翠花收取。", [("苗翠花", None, "unknown", "other")]),
    ("另查明，其妻子宋美玲曾代其收受财物。", [("宋美玲", None, "unknown", "accused")]),
    ("村民曾国强、曾小红反映情况。", [("曾国强", None, "unknown", "other"), ("曾小红", None, "unknown", "other")]),
    # a list's later items, up to a statement or a verb of the case, or after a cue up to 已/另案
    ("证人郑国强、韦小兵、柏文静的证言证实了上述事实。",
     [("郑国强", None, "unknown", "other"), ("韦小兵", None, "unknown", "other"),
      ("柏文静", None, "unknown", "other")]),
    ("同案犯戚小龙、巫建国已另案判决。", [("戚小龙", None, "unknown", "other"), ("巫建国", None, "unknown", "other")]),
    # 塅 (a field) ends place names, not names: 谭塅家 is a place
    ("想问一下谭塅家是不是要建个公交站。", []),
    ("村民王大力、高速公路旁的住户都有意见。", [("王大力", None, "unknown", "other")]),
    ("期间，被告人分多次向单国栋、邝建新行贿共计人民币30万元。",
     [("单国栋", None, "unknown", "other"), ("邝建新", None, "unknown", "other")]),
    # a party-building office's head takes the level of the body in front
    ("村党建室主任汪振华多次挪用村集体资金。", [("汪振华", "村党建室主任", "village", "accused")]),
    ("镇党建办主任李明辉不作为。", [("李明辉", "镇党建办主任", "township", "accused")]),
    ("县民政局副局长王某收受礼金。", [("王某", "县民政局副局长", "county_dept", "accused")]),
    ("副县长陈某插手工程招标。", [("陈某", "副县长", "county", "accused")]),
    ("市委书记赵某违规收受礼品。", [("赵某", "市委书记", "city_or_above", "accused")]),
    ("镇长刘志强不作为。", [("刘志强", "镇长", "township", "accused")]),
    ("我叫王小明，举报村支书孙某侵占补偿款。",
     [("王小明", None, "unknown", "petitioner"), ("孙某", "村支书", "village", "accused")]),
    ("举报人：赵桂兰。反映村会计钱某挪用公款。",
     [("赵桂兰", None, "unknown", "petitioner"), ("钱某", "村会计", "village", "accused")]),
    ("来电人周某反映副镇长吴某吃拿卡要。",
     [("周某", None, "unknown", "petitioner"), ("吴某", "副镇长", "township", "accused")]),
    ("某省某局原党组成员、副局长韩某某违规收受礼金。", [("韩某某", None, "city_or_above", "accused")]),
    ("被告人刘某斌利用职务便利侵吞公款。", [("刘某斌", None, "unknown", "accused")]),
    ("村民黄某某反映，村主任郑某优亲厚友。",
     [("黄某某", None, "unknown", "other"), ("郑某", "村主任", "village", "accused")]),
    ("东关镇党委书记冯某某包庇村霸。", [("冯某某", None, "township", "accused")]),
    ("我们两次写信给赵志刚局长，没有回音。", [("赵志刚", "局长", "county_dept", "accused")]),
    ("我老婆刘春花去年住院。", [("刘春花", None, "unknown", "other")]),
    ("村里欠自然人马德胜工程款。", [("马德胜", None, "unknown", "other")]),
    ("村民段志红反映补偿款没有到位。", [("段志红", None, "unknown", "other")]),
    # 许宗 is a dictionary numeral and 杨|跃进 a verb, but the cue and the segmentation say name
    ("上诉人许宗明对判决不服。", [("许宗明", None, "unknown", "accused")]),
    ("包工头老板郑跃进行了结算。", [("郑跃", None, "unknown", "other")]),
    # an anonymised name glued to the word before it, and a name glued to the word after it
    ("经胡某某介绍，他认识了村会计。", [("胡某某", None, "unknown", "other"), (None, "村会计", "village", "accused")]),
    ("2019年3月，郑甲以装修为由借走公款。", [("郑甲", None, "unknown", "accused")]),
    ("工厂（法人：郑国栋）排放污水。", [("郑国栋", None, "unknown", "other")]),
    ("求助人孙丽华，家住青石镇。", [("孙丽华", None, "unknown", "petitioner")]),
    ("我的名字叫做周立文，家住河西。", [("周立文", None, "unknown", "petitioner")]),
    # 段 after a body's name is the surname (段 as "section" only after a road or a bracket)
    ("县民政局段志强说低保名单早定了。", [("段志强", None, "unknown", "other")]),
    # a name followed by 项目 at one mention is still a person when another mention speaks of one (本人, 是, 说)
    ("李建国项目部拖欠工资，李建国本人不露面。", [("李建国", None, "unknown", "accused")]),
    # X是村主任的亲戚: X is the title-holder's relative, not the holder
    ("证人王五是村主任的亲戚，他说账目是真的。",
     [("王五", None, "unknown", "other"), (None, "村主任", "village", "accused")]),
    ("向镇长刘明反映过。", [("刘明", "镇长", "township", "other")]),  # reported to (accused before 2026-12-03, night)
    # the next name of a list of names, even with a rare surname and a one-character given name
    ("公司股东孔俊、孔娟、栗川，都不见了。", [("孔俊", None, "unknown", "other"), ("孔娟", None, "unknown", "other"),
                                  ("栗川", None, "unknown", "other")]),
    # a name standing alone before its sex or an honorific, even where the segmenter split it
    ("郑金和，男，1968年生，大专学历。", [("郑金和", None, "unknown", "other")]),
    ("孙斌：女，会计师。", [("孙斌", None, "unknown", "other")]),
    ("路林先生，公司财务负责人。", [("路林", None, "unknown", "other")]),
    # 和 joins two persons: it is not a surname here
    ("客服人员和夏婷都不接电话。", [("夏婷", None, "unknown", "other")]),
    # a pronoun for a group right after a name: 夏庭他们 ("夏庭 and the others")
    ("公司倒闭后，夏庭他们先还了一部分。", [("夏庭", None, "unknown", "other")]),
    # a given name that is a time word after a strong cue; 正 before a verb is "now"; a person after a firm
    ("村民李初夏反映房屋受损。", [("李初夏", None, "unknown", "other")]),
    ("名叫孙尧正利用空地搭棚。", [("孙尧", None, "unknown", "other")]),
    ("青禾建材有限公司佘玉梅至今拖欠工资。", [("佘玉梅", None, "unknown", "accused")]),
    ("宏达公司的周凯欠我的工钱一直没给。", [("周凯", None, "unknown", "other")]),
    # a rare surname after 我叫; 姓名： after the petitioner's cue; a name before 警官; a name before 市长 with its
    # body in front; a given name in pinyin, written twice or after a title
    ("我叫代明军，家住河口村。", [("代明军", None, "unknown", "petitioner")]),
    ("举报人姓名：柏立峰，电话略。", [("柏立峰", None, "unknown", "petitioner")]),
    ("到派出所报案，值班的皮若海警官不做笔录。", [("皮若海", None, "unknown", "other")]),
    # (the addressee of the letter: other since 2026-12-03, evening; accused before)
    ("尊敬的市政府林国栋市长：您好！", [("林国栋", "市长", "city_or_above", "other")]),
    ("公司实控人李yang卷款跑路，李yang至今未归案。", [("李yang", None, "unknown", "accused")]),
    ("街道办副书记黄jun主持了会议。", [("黄jun", "街道办副书记", "township", "other")]),
    # after 我叫 and before a stop a name may end like a place; a masked first character of the given name;
    # "and the others" after a name that ends like a road
    ("我叫邓秀湖，家住河口村。", [("邓秀湖", None, "unknown", "petitioner")]),
    ("学生姓名刘*涵，今年九岁。", [("刘*涵", None, "unknown", "other")]),
    ("据村民讲，毛清道等人冒领了补偿款。", [("毛清道", None, "unknown", "accused")]),
    # a name glued to 叫; a third character split off before 同学; a name before a role in brackets that is no
    # title; a name after 包庇
    ("一位叫龙晨的村民霸占了水塘。", [("龙晨", None, "unknown", "other")]),
    ("我是初二班邹意远同学的家长。", [("邹意远", None, "unknown", "other")]),
    ("幕后操纵人许萍（宏达公司法人）已经跑路。", [("许萍", None, "unknown", "accused")]),
    ("有人在故意包庇贺萍吗？", [("贺萍", None, "unknown", "other")]),
    # 被举报人 names the accused, not the petitioner; a name before contact details; the last given-name character
    # masked; the next name of a list even when its given name is a word
    ("被举报人：李某某，多次冒领补贴。", [("李某某", None, "unknown", "accused")]),
    ("民工代表：柏秋明电话略。", [("柏秋明", None, "unknown", "petitioner")]),
    ("原法人李秋*已经变更。", [("李秋*", None, "unknown", "other")]),
    # a name in quotation marks after 叫; after 老伴 and 起名
    ("公司有一名叫“李婷玉”的股东。", [("李婷玉", None, "unknown", "other")]),
    ("我与老伴黄孚明夫妇二人。", [("黄孚明", None, "unknown", "other")]),
    ("儿子出生后起名解浩然。", [("解浩然", None, "unknown", "other")]),
    # an alias after 化名; a given name that is a word, split off its surname, before a title
    ("董事长（化名邢森林）已经逃往国外。",
     [(None, "董事长", "unknown", "other"), ("邢森林", None, "unknown", "other")]),
    ("值班的林登高医生开了药。", [("林登高", "医生", "unknown", "other")]),
    # a list's next name of three characters before 等; a list's last name before a count
    ("前几年（王志义、刘成其等）的事。", [("王志义", None, "unknown", "other"), ("刘成其", None, "unknown", "other")]),
    # a name after 仲裁员; a one-character given name that is a word, before a title; a name before 副主任
    ("仲裁员刘军说结果很快出来。", [("刘军", None, "unknown", "other")]),
    ("后来由周敢老师负责。", [("周敢", "老师", "unknown", "other")]),
    # a name between 业主 and a stop; a name the segmenter keeps whole after a cue though its given name starts a word
    # (the complainant opening the text is the writer: petitioner since 2026-12-03, night)
    ("投诉人是15栋业主孙立强。", [("孙立强", None, "unknown", "petitioner")]),
    ("被投诉人是15栋业主孙立强。", [("孙立强", None, "unknown", "other")]),  # not the writer (nor yet read as accused)
    ("被投诉人孙立强在楼道堆放杂物。", [("孙立强", None, "unknown", "accused")]),
    # a name after 顾问 (its next character starts the verb); a name before (电话
    ("销售顾问喻林代我办的手续。", [("喻林", None, "unknown", "other")]),
    ("此致敬礼！吴琳(电话）略。", [("吴琳", None, "unknown", "petitioner")]),
    ("公司法定代表人郑建明辱骂顾客。", [("郑建明", None, "unknown", "accused")]),
    ("村里有一对夫妇刘印强、罗秀艳于去年办了挂失。",
     [("刘印强", None, "unknown", "other"), ("罗秀艳", None, "unknown", "other")]),
    ("占了龚家兴、龚安家、龚平三户的山林。",
     [("龚家兴", None, "unknown", "other"), ("龚安家", None, "unknown", "other"), ("龚平", None, "unknown", "other")]),
    # a given name's last character split off by the segmenter, the same after every mention; 向 ending a given
    # name before 和; names before 审判长 and after 朋友; a name the segmenter cut into single characters before
    # a title; three characters after 的 before 镇长; a title after a village group's name (屋组|组长)
    ("我儿子叫韩翔易。我和儿子韩翔易的户口一直没落。", [("韩翔易", None, "unknown", "other")]),
    ("办事处领导陈阳向和李国立签了字，后来陈阳向和李国立又否认。",
     [("陈阳向", None, "unknown", "other"), ("李国立", None, "unknown", "other")]),
    ("庭审时，曾文博审判长打断了我。", [("曾文博", None, "unknown", "other")]),
    ("我的朋友黄新万曾多次反映。", [("黄新万", None, "unknown", "other")]),
    ("昨天区委于永梵书记召集开会。", [("于永梵", "书记", "county", "other")]),  # (accused before 2026-12-03, night)
    ("向管国土的邹立全镇长反映过。", [("邹立全", "镇长", "township", "other")]),  # (the same)
    ("上屋组组长韩义新在任期间私分补偿款。", [("韩义新", "组长", "unknown", "accused")]),
    ("财务科何兰咏（老板的嫂子）经手。钱由何兰咏提走，又与何兰咏串通。", [("何兰咏", None, "unknown", "accused")]),
    # a board's reply to the writer by name; the first item of a list of names whose given name is a word;
    # a relative named after 叫, with 家 as the given name's first character; a former name; 监事长; a
    # petitioner's cue with a colon and a space
    ("答复：“庞云星”网友，你好。", [("庞云星", None, "unknown", "petitioner")]),
    ("涉案的股东比如赵顺、陈子雄、周丽文等人都没到案。",
     [("赵顺", None, "unknown", "other"), ("陈子雄", None, "unknown", "other"), ("周丽文", None, "unknown", "other")]),
    ("我叫文岚，我爸叫文家良，今年六十岁。",
     [("文岚", None, "unknown", "petitioner"), ("文家良", None, "unknown", "other")]),
    ("他原名胡武，后来改了名。", [("胡武", None, "unknown", "other")]),
    ("监事长李珍平、会计彭凯等人都签了字。",
     [("李珍平", "监事长", "unknown", "other"), ("彭凯", "会计", "unknown", "other")]),
    ("留言人: 梁小英（本村村民）", [("梁小英", None, "unknown", "petitioner")]),
    # names after 警官 and 讲师; a name in brackets after a role, though its given name is a measure word; a
    # petitioner's cue 报告人; a given name ending in 再 that a comma follows once; a name the segmenter split
    # as a word and a character before a title; a name glued once to the next word's first character
    ("办案警官毛立钧说他很忙。", [("毛立钧", None, "unknown", "other")]),
    ("最大的股东是钢琴讲师曾小涛。", [("曾小涛", None, "unknown", "other")]),
    ("业务人员（程钧）说下周办好。", [("程钧", None, "unknown", "other")]),
    ("报告人： 刘伟明 电话略", [("刘伟明", None, "unknown", "petitioner")]),
    ("处级干部周平再挪用公款。处级干部周平再，多次受贿。", [("周平再", "干部", "unknown", "accused")]),
    ("在区政府办刘海松主任主持下开会。", [("刘海松", "主任", "county_dept", "other")]),
    ("向办案警官魏钧报告，魏钧说他很忙，请督促魏钧能不能快点办。", [("魏钧", None, "unknown", "other")]),
    # a name after 股东 (a rare place word in the dictionary); 向 ending a given name before a
    # bracket; the last item of a list of names before 等 though its given name is a verb; 向 starting a given
    # name the dictionary knows, or ending one before a stop
    ("公司大股东苏丽娜和董事长邢光向（化名邢某）一起出逃。",
     [("苏丽娜", None, "unknown", "other"), ("邢光向", "董事长", "unknown", "other"),
      ("邢某", None, "unknown", "other")]),
    ("股东有赵顺、陈立雄、吴开等人。",
     [("赵顺", None, "unknown", "other"), ("陈立雄", None, "unknown", "other"), ("吴开", None, "unknown", "other")]),
    ("村民何向明说路坏了。", [("何向明", None, "unknown", "other")]),
    # 向 before 的 governs nothing: it ends the name; a relative announces a name
    ("房子过户到其外甥魏长向的名下。", [("魏长向", None, "unknown", "other")]),
    # after 业主 and before a stop, a one-character given name may be a word (鸣)
    ("我是5栋业主孙鸣。物业一直不回应。", [("孙鸣", None, "unknown", "petitioner")]),
    # 至 after a two-character name is "to" (went to the site), not a third character
    ("后与社区委员范东至现场协商。", [("范东", "社区委员", "village", "accused")]),
    # a list of names written with commas after a found one; a name before its age
    ("求助人林某某，黄志利，黄贵，黄宁系一家人。",
     [("林某某", None, "unknown", "petitioner"), ("黄志利", None, "unknown", "petitioner"),
      ("黄贵", None, "unknown", "petitioner"), ("黄宁", None, "unknown", "petitioner")]),
    ("尊敬的领导：我 韩敬，71岁，退休工人。", [("韩敬", None, "unknown", "petitioner")]),
    # the head of a gang; a name in brackets after a worker's role, even with a surname that is also a word (任)
    ("这个平台就是以莫某为首的团伙。", [("莫某", None, "unknown", "accused")]),
    ("以韦国栋为首的几个人天天来闹。", [("韦国栋", None, "unknown", "accused")]),
    ("吊在半空的焊工（任立）没有系安全带。", [("任立", None, "unknown", "other")]),
    # a surname and a title (园长): a role, no name
    ("几位家长找幼儿园石园长谈了一个小时。", [(None, "园长", "unknown", "other")]),
    ("镇长张向，你管不管？", [("张向", "镇长", "township", "accused")]),
    # a masked place's 区 and the next word (B2区|长房…), no 区长: nobody at all
    ("帖子说B2区长房雅景湾项目没有许可证。", []),
    ("有人在C市长沙湾路口摆摊。", []),
    # a city's 州 and the next word (广州|长隆), no 州长; a prefecture's 州长 is written after its 州
    ("应该学学广州长隆动物园的做法。", []),
    ("湘西州州长王某某收受贿赂。", [("王某某", "州州长", "city_or_above", "accused")]),
    # 自 ("by himself") after a two-character name starts the next word
    ("由不是院长的王立自冒充院长签字。", [("王立", "院长", "unknown", "other")]),
    ("举报人：余建华、王才林、黄建立、李峰",
     [("余建华", None, "unknown", "petitioner"), ("王才林", None, "unknown", "petitioner"),
      ("黄建立", None, "unknown", "petitioner"), ("李峰", None, "unknown", "petitioner")]),
    # a one-character given name that is also a word, after 叫了 or before （化名）; 同事 and 共犯 announce a person
    ("刘某又叫了宋鸣和他的朋友前往，宋鸣已当庭认罪。",
     [("刘某", None, "unknown", "other"), ("宋鸣", None, "unknown", "other")]),
    ("我在网上认识了秦训（化名），他借了我的钱。", [("秦训", None, "unknown", "other")]),
    ("这一点有其同事许光铁的证言。", [("许光铁", None, "unknown", "other")]),
    ("他通过诈骗共犯程开，打电话拉拢受害人。", [("程开", None, "unknown", "other")]),
    # a list's last name cut before its third character, then a stop; a count of persons after a name
    ("工作人员吴彬、唐岚、鲍月红，估价师邓玲四人弄虚作假。",
     [("吴彬", "工作人员", "unknown", "accused"), ("唐岚", None, "unknown", "accused"),
      ("鲍月红", None, "unknown", "accused"), ("邓玲", None, "unknown", "accused")]),
    # a given name in pinyin after 化名; 具报人 announces the writer
    ("董事长段明（化名段ze）已经出国。", [("段明", "董事长", "unknown", "other"), ("段ze", None, "unknown", "other")]),
    ("望早日解决。具报人：黄立家电话：138****0000", [("黄立家", None, "unknown", "petitioner")]),
    # a three-character name the segmenter cuts after its second character at every mention
    ("请依法追究林果雪的责任。那时林果雪正处于缓刑期间。民警指认林果雪在帮忙。为何不对林果雪立案？刘某又叫了林果雪一同前往。",
     [("林果雪", None, "unknown", "accused"), ("刘某", None, "unknown", "other")]),
    ("关于董松肖、美乐酒店违法施工的投诉：董松肖、美乐酒店无视整改，有关部门包庇纵容董松肖、美乐酒店。",
     [("董松肖", None, "unknown", "accused")]),
    # a name before its sex right after a masked number; 之 in a name after a cue
    ("电话：*****.王五，男，汉族。", [("王五", None, "unknown", "other")]),
    ("我与李之恒合伙做生意。", [("李之恒", None, "unknown", "other")]),
    # a numbered list of names (the number glued to the name), the letter's signers (two older cases said other);
    # the writer's signature before the date at the end
    ("本小区业主代表：1孔秀兰、2韦建国、3艾洁、4游乐平、5贺友荣",
     [(n, None, "unknown", "petitioner") for n in ("孔秀兰", "韦建国", "艾洁", "游乐平", "贺友荣")]),
    ("以上情况属实，请核查。卜进明2021年3月7日", [("卜进明", None, "unknown", "petitioner")]),
    # 经营者是 + a name and a stop; 烈士 after a name; 战友 before one; a numbered list after a full stop (items with
    # comma); a signature right after a flat's number
    ("店铺经营者是宋庆，去年转给了周芳，两人是亲戚。", [("宋庆", None, "unknown", "other")]),
    ("我们村的赵秋英烈士，很少有人记得。", [("赵秋英", None, "unknown", "other")]),
    ("我的战友王自然带领导来看过我。", [("王自然", None, "unknown", "other")]),
    ("老年又来流泪。1方明晓，2李孟军，3欧小兰，4高新民，5谭建，6周丽华，7黄志刚",
     [(n, None, "unknown", "petitioner")
      for n in ("方明晓", "李孟军", "欧小兰", "高新民", "谭建", "周丽华", "黄志刚")]),
    ("丽景苑5栋2单元803陈秋林2021年4月9日", [("陈秋林", None, "unknown", "petitioner")]),
    # a name right after a village group's name (the segmenter glues 组 to the surname); the writer at the very end
    # after their unit
    ("当拆我们组冯稳林家时，镇上来了人。", [("冯稳林", None, "unknown", "other")]),
    ("侵占三家组韩佑成家低保资金。", [("韩佑成", None, "unknown", "other")]),
    ("望领导重视。举报人：某市轴承厂 刘洸", [("刘洸", None, "unknown", "petitioner")]),
    # a name at the very end after a cue keeps its last character; a one-character given name that is a word in
    # quotation marks after 叫; 业主 + a three-character name whose surname is also a word (高)
    ("住址：杏花巷户主：谭华爱", [("谭华爱", None, "unknown", "other")]),
    ("值班的两人一个叫“俞佩兰”，一个叫“潘焯”。",
     [("俞佩兰", None, "unknown", "other"), ("潘焯", None, "unknown", "other")]),
    ("金桂苑业主高秀晓（联系电话略）", [("高秀晓", None, "unknown", "other")]),
    # 党员 before a name (一人 after it is a count); a name before its address after a stop
    ("他是经党员邹焯介绍才去赌球的。", [("邹焯", None, "unknown", "other")]),
    ("自家亲戚老党员彭强一人领了三万一千元。", [("彭强", None, "unknown", "other")]),
    ("特此反映。储吉平，住五金市场8栋2号。", [("储吉平", None, "unknown", "other")]),
    # a surname that is also a word (高) before a given name that is a word, after 村民: still a name
    ("村民高建新反映了这件事。", [("高建新", None, "unknown", "other")]),
    # the writer's name before 家住; a signature after a comma before the date; 工程师 before a name
    ("本人龙飞亮家住某省某县春华镇。", [("龙飞亮", None, "unknown", "petitioner")]),
    ("签名：李贵平，刘富国，陈福全2021年9月9日",
     [("李贵平", None, "unknown", "petitioner"), ("刘富国", None, "unknown", "petitioner"),
      ("陈福全", None, "unknown", "petitioner")]),
    ("维保公司工程师邓杏态度十分恶劣。", [("邓杏", None, "unknown", "accused")]),
    # 仍 ("still") after an anonymised name
    ("销售人员李某仍称车位都一样。", [("李某", None, "unknown", "other")]),
    # 洪 is a common surname; 当家人 and 创始人 before a name
    ("网贷平台当家人洪志明一直不露面。", [("洪志明", None, "unknown", "other")]),
    ("公司创始人罗建华说会还钱。", [("罗建华", None, "unknown", "other")]),
    # a teacher named after the school, before a stop
    ("评职称时，城南中学罗金，也借了别人的材料。", [("罗金", None, "unknown", "other")]),
    # the third character split off before 教授 or, after 学者, before a verb of saying; 余某 before 私建
    ("疾控中心环境所邓进兆教授指出，辐射有害。", [("邓进兆", None, "unknown", "other")]),
    ("学者王涛洪认为，应当免费。", [("王涛洪", None, "unknown", "other")]),
    ("河边的空地被汪某私建了两间棚子。", [("汪某", None, "unknown", "accused")]),
    # a three-character name the plain cut splits after its second character, read whole by jieba's POS model
    # because a title stands before it (党建室主任 itself is not yet read as a title)
    ("党建室主任朱平箐辩称不知情。", [("朱平箐", None, "unknown", "other")]),
    # a given name that starts with 向, kept whole by the segmenter after a title ("向" is no preposition here)
    ("董事长潘向明（男，45岁）已失联。", [("潘向明", "董事长", "unknown", "other")]),
    # the same when the given name is a word (正)
    ("评职称时，城南中学杨正，也借了材料。", [("杨正", None, "unknown", "other")]),
    # a name before 在 and a school word stays a name
    ("村民张明在小学当老师。", [("张明", None, "unknown", "other")]),
    # the writer's signature right after the closing date; 懒 (懒作为) starts the next word, not a third character
    ("请相关部门给个说法！2020-3-15罗春梅", [("罗春梅", None, "unknown", "petitioner")]),
    ("经办警官卢明懒作为，拖了半年。", [("卢明", None, "unknown", "other")]),
    # a relative's bracket after a name
    ("挂名的韩俊（她表哥）只是个股东。", [("韩俊", None, "unknown", "other")]),
    # a traffic or auxiliary police officer's name, also before a badge number
    ("交警罗杰0213说我违停。", [("罗杰", None, "unknown", "other")]),
    ("辅警陈宇拦下了我。", [("陈宇", None, "unknown", "other")]),
    # 本人名 / 我名 / 我名字叫 before the writer's name
    ("本人名钟丽芳，户籍在某县。", [("钟丽芳", None, "unknown", "petitioner")]),
    ("我名字叫李四平，家住某村。", [("李四平", None, "unknown", "petitioner")]),
    # a surname before 中队长 (a title of its own): a role, no name
    ("执法大队的何中队长来过一次。", [(None, "中队长", "unknown", "other")]),
    # a township office before the name and title; a name alone at the end (the writer's signature)
    ("我找到综治办邹文良主任反映，他说不归他管。", [("邹文良", "主任", "township", "accused")]),
    ("这样的问题拖了三年都没人管，大家真的无计可施，恳请领导过问。孔丽",
     [("孔丽", None, "unknown", "petitioner")]),
    # a finance clerk's name; the writer's and a relative's names in brackets
    ("钱都打进了公司财务人员邝玉梅的私人卡。", [("邝玉梅", None, "unknown", "other")]),
    ("我（柴丽）和我的丈夫（邬强）都在厂里上班。",
     [("柴丽", None, "unknown", "petitioner"), ("邬强", None, "unknown", "other")]),
    # a signing cue typed with spaces; a third character that is a function word, ended by a space
    ("特此反映 举 报 人：颜荣海 手机：0000", [("颜荣海", None, "unknown", "petitioner")]),
    ("联系人：戚民为 手机号：0000", [("戚民为", None, "unknown", "petitioner")]),
    # a name between a masked place or 由 and a government's title
    ("2015年C2区谈勤杰区长主持了办公会。", [("谈勤杰", "区长", "county", "other")]),
    ("会议由祁风惠副区长主持。", [("祁风惠", "副区长", "county", "other")]),
    # a numbered list of names and sums; kin after 丶 (a separator typed as a radical); a name before a masked ID;
    # a party of a contract before a name; 仅 ends a name
    ("退赔名单：1、汤志为88万元。2、柯明树46万元。3、蒲小万12万元。",
     [("汤志为", None, "unknown", "other"), ("柯明树", None, "unknown", "other"),
      ("蒲小万", None, "unknown", "other")]),
    ("他把胞弟邹长林丶姐夫邹辉明丶好友殷大成定为贫困户。",
     [("邹长林", None, "unknown", "other"), ("邹辉明", None, "unknown", "other"),
      ("殷大成", None, "unknown", "other")]),
    ("名单：启/秦伟冰*****************（湖北宜昌 保险）主启/柴琴丽*****************（安徽芜湖 会计）",
     [("秦伟冰", None, "unknown", "other"), ("柴琴丽", None, "unknown", "other")]),
    ("幼儿园开办方戴云巧等三人违规加建。", [("戴云巧", None, "unknown", "accused")]),
    ("负责人沈蕊仅于8月来过一次。", [("沈蕊", None, "unknown", "other")]),
    # the buyer named in a contract
    ("合同的买受人是柯丹，她已付款。", [("柯丹", None, "unknown", "other")]),
    # someone "called" X after a word for a person
    ("我是一名视力残疾人叫卜松成，家住某社区。", [("卜松成", None, "unknown", "petitioner")]),
    # names signed one after another with nothing between them (the letter's writers); a death after a name
    ("望早日解决。全体住户签名：赵刚钱丽孙嘉怡周宁吴强",
     [("赵刚", None, "unknown", "petitioner"), ("钱丽", None, "unknown", "petitioner"),
      ("孙嘉怡", None, "unknown", "petitioner"), ("周宁", None, "unknown", "petitioner"),
      ("吴强", None, "unknown", "petitioner")]),
    ("听说邻居卢长根去世了。", [("卢长根", None, "unknown", "other")]),
    # a writer's handle in quotation marks after or before 网友, kept as written; an estate's housekeeper
    ("答复 网友“云中客”： 你好，来信已收到。", [("云中客", None, "unknown", "other")]),
    ("“lily88”网友：你好，留言我们已转交。", [("lily88", None, "unknown", "petitioner")]),
    ("当时物业管家晏娟巧给我提供了信息。", [("晏娟巧", None, "unknown", "other")]),
    # a scheme's trader; the writer's signature before a masked telephone number and the date
    ("操盘手石韬，某县人。", [("石韬", None, "unknown", "other")]),
    ("工程由承包商邓良（某公司代理）负责。", [("邓良", None, "unknown", "other")]),
    ("盼望各部门早日回个话。柯伟建(*****************)2019-3-15",
     [("柯伟建", None, "unknown", "petitioner")]),
    # a verb of the charge after the whole name, where the last character and the verb's first make a word (胜利)
    ("查明被告人马德胜利用职务之便收受财物。", [("马德胜", None, "unknown", "accused")]),
    # a defendant's name whose first two characters make a word (严明), in a list after 被告人
    ("被告人严明华、金晓川犯贪污罪。",
     [("严明华", None, "unknown", "accused"), ("金晓川", None, "unknown", "accused")]),
    # a body's name, a surname that is also a word and a given name that is a word, then the title
    ("写信给县委常永生书记，反映修路的事。", [("常永生", "书记", "county", "accused")]),
    # the writer naming themself after 我, then their age: the petitioner, not someone mentioned
    ("我陈秋明，72岁，青石县枫林乡人，反映低保问题。", [("陈秋明", None, "unknown", "petitioner")]),
    ("我刘建军，今年58岁，家住东关镇。", [("刘建军", None, "unknown", "petitioner")]),
    # the writer introducing themself by what they are, then the name: the petitioner (not when 与/给 … stands
    # between: that is someone else)
    ("我是东关镇柳树村村民钟明亮，反映低保问题。", [("钟明亮", None, "unknown", "petitioner")]),
    ("我是村民代表钟明亮，现依据政策反映修路的事。", [("钟明亮", None, "unknown", "petitioner")]),
    ("因我是前年与本村村民钟明亮结婚的，户口一直没迁。", [("钟明亮", None, "unknown", "other")]),
    ("本人钟可实名举报县招标办违规。", [("钟可", None, "unknown", "petitioner")]),
    # the writer in a visit form's name field, a sentence after 我是…, or first of the visitors counted; the accused
    # in an accusation form's name field, and "a person named X" who did the wrong
    ("来访登记表 姓名：钟明亮 住址：东关镇 来访事由：村主任张建国冒领低保金。",
     [("钟明亮", None, "unknown", "petitioner"), ("张建国", "村主任", "village", "accused")]),
    ("我是城关镇城西社区村民，名叫钟明亮。现反映如下问题：村主任张建国冒领低保金。",
     [("钟明亮", None, "unknown", "petitioner"), ("张建国", "村主任", "village", "accused")]),
    ("2026年3月2日上午，东关村群众钟明亮等12人来访，反映：村主任张建国冒领低保金。",
     [("钟明亮", None, "unknown", "petitioner"), ("张建国", "村主任", "village", "accused")]),
    ("被举报人姓名：钟明亮，职务：村会计。",
     [("钟明亮", None, "unknown", "accused"), (None, "村会计", "village", "accused")]),
    ("我是这里的一名普通群众，名叫钟明亮的人经常用公款吃喝。", [("钟明亮", None, "unknown", "accused")]),
    # the official a letter is written to (尊敬的…书记：, 致…局长：) is not accused for it;
    # a report's opening (我举报镇长王某：) is no greeting
    ("尊敬的县委常永生书记：您好！我举报东关镇柳树村村主任张建国冒领低保金。",
     [("常永生", "书记", "county", "other"), ("张建国", None, "village", "accused")]),
    ("尊敬的县委书记：您好！我们村的路灯坏了半年。", [(None, None, "county", "other")]),
    ("致青石县民政局李局长：我们村的低保评定不公。", [(None, None, "county_dept", "other")]),
    ("我举报镇长王某：他收受好处费5万元。", [("王某", "镇长", "township", "accused")]),
    ("东关镇的路灯问题致青石县民政局公开信尊敬的李国强局长：您好！路灯坏了半年。",
     [("李国强", "局长", "county_dept", "other")]),
    ("尊敬的李国强局长并青石县民政局：您好！路灯坏了半年。", [("李国强", "局长", "county_dept", "other")]),
    ("多亏县委陈国强书记一直关心，问题得到解决。", [("陈国强", "书记", "county", "other")]),
    # the writers listed with the first (求助人…、…), after 我们 or a signature's label, or signing at the very end
    ("求助人钟明亮、柳红英、柳国强，均住在东关村。",
     [("钟明亮", None, "unknown", "petitioner"), ("柳红英", None, "unknown", "petitioner"),
      ("柳国强", None, "unknown", "petitioner")]),
    ("我们柳红英、柳国强二人反映拆迁补偿没到位。",
     [("柳红英", None, "unknown", "petitioner"), ("柳国强", None, "unknown", "petitioner")]),
    ("以上情况属实。签名：柳红英、柳国强",
     [("柳红英", None, "unknown", "petitioner"), ("柳国强", None, "unknown", "petitioner")]),
    ("请领导帮忙解决，谢谢！*****柳红英", [("柳红英", None, "unknown", "petitioner")]),
    # the person a wrong is done by, in their clause or (after a comma) the next one; not the one it is done to
    ("驾校校长钟明亮拒绝退费，态度恶劣。", [("钟明亮", None, "unknown", "accused")]),
    ("老赖柳红英，至今拒不归还借款。", [("柳红英", None, "unknown", "accused")]),
    ("村民柳红英被村霸殴打住院。", [("柳红英", None, "unknown", "other")]),
    # the writer's name before their number near the end, before 执笔, after 申请人：, after 我是 and their village
    ("以上情况属实，请领导帮忙解决。柳红英（联系电话：13900000000）", [("柳红英", None, "unknown", "petitioner")]),
    ("以上情况属实，请领导帮忙解决。柳红英执笔", [("柳红英", None, "unknown", "petitioner")]),
    ("申请人：柳红英，本人于去年退伍。", [("柳红英", None, "unknown", "petitioner")]),
    ("我是东关镇柳树村的柳红英，想反映一件事。", [("柳红英", None, "unknown", "petitioner")]),
    # …after 住户, after 我，名叫; the last of a list closed by a masked number; but not after 法定代表人：
    # (three older cases — a signature before (电话）, the board's replies to “X”网友 — now say petitioner)
    ("我是东关镇桃园小区住户柳红英，住1栋2单元。", [("柳红英", None, "unknown", "petitioner")]),
    ("我，名叫柳红英，女，东关镇人。", [("柳红英", None, "unknown", "petitioner")]),
    ("请尽快赔偿！求助人：柳红英、钟国强、王小明*****************",
     [("柳红英", None, "unknown", "petitioner"), ("钟国强", None, "unknown", "petitioner"),
      ("王小明", None, "unknown", "petitioner")]),
    ("公司法定代表人：柳红英，办公地址在东关镇。", [("柳红英", None, "unknown", "other")]),
    # a name listed with an accused's; the owner of the firm complained about; not a boss's number
    ("我要举报柳红英、钟国强两人。",
     [("柳红英", None, "unknown", "accused"), ("钟国强", None, "unknown", "accused")]),
    ("我们要投诉开发商，开发商法人代表柳红英至今不露面。", [("柳红英", None, "unknown", "accused")]),
    ("包工头老板柳红英进行了结算。", [("柳红英", None, "unknown", "other")]),
    ("我们投诉这家店，经营者是柳红英，一直不退押金。", [("柳红英", None, "unknown", "accused")]),
    ("向派出所反映了三次，办案警官柳红英一直没有回音。", [("柳红英", None, "unknown", "accused")]),
    ("老板柳红英（电话13900000000）拖欠工资。", [("柳红英", None, "unknown", "accused")]),
    # an official thanked, or chairing a meeting, with no blame in that sentence (four older cases that recorded
    # officials chairing meetings as accused now say other)
    ("感谢东关镇党委陈国强书记的关心。", [("陈国强", "书记", "township", "other")]),
    ("副县长柳红英出席会议并讲话。", [("柳红英", "副县长", "county", "other")]),
    ("副县长柳红英出席会议后收受好处费。", [("柳红英", "副县长", "county", "accused")]),
    # an official the letter appeals to, reports to or greets in a list, or who leads a visit, is no accused; one the
    # appeal asks to be punished is
    ("尊敬的县委柯晓林书记：您好！村主任张建国私建楼房。我们恳请柯晓林书记督促镇里早日拆除。",
     [("柯晓林", "书记", "county", "other"), ("张建国", "村主任", "village", "accused")]),
    ("恳请市长、詹向阳局长关注此事。",
     [(None, "市长", "city_or_above", "other"), ("詹向阳", "局长", "county_dept", "other")]),
    ("尊敬的县委书记、龚镇江县长：你们好！",
     [(None, "县委书记", "county", "other"), ("龚镇江", "县长", "county", "other")]),
    ("早前向您和市民政局局长詹明亮反映过低保问题，至今没有结果。",
     [("詹明亮", "市民政局局长", "city_or_above", "other")]),
    ("市委书记柳云山亲自率领工作组到村里调研。", [("柳云山", "市委书记", "city_or_above", "other")]),
    ("希望严查县民政局局长詹明亮。", [("詹明亮", "县民政局局长", "county_dept", "accused")]),
    ("恳请纪委调查村主任柯定邦。", [("柯定邦", "村主任", "village", "accused")]),
    ("希望纪委严肃处理张村长。", [(None, "村长", "village", "accused")]),
    ("希望张县长多多考虑群众意见。", [(None, "县长", "county", "other")]),
    # a village's or a town's cadre leading or ordering is often the wrong itself; a complaint's verb before the role
    # accuses whatever follows
    ("村主任柯定邦率领几十人把我家房子拆了。", [("柯定邦", "村主任", "village", "accused")]),
    ("镇长柯定邦指示手下把我家围墙推倒。", [("柯定邦", "镇长", "township", "accused")]),
    ("举报镇长柯定邦出席会议。", [("柯定邦", "镇长", "township", "accused")]),
    # a parent named after 我爸, even with a surname that is also a word or a preposition
    ("包工头拖欠我爸向明华工资款两万元。", [("向明华", None, "unknown", "other")]),
    ("工地欠我爸常永生三个月工资。", [("常永生", None, "unknown", "other")]),
    ("村民祝远航反映情况。", [("祝远航", None, "unknown", "other")]),
    # in a complaint, a named person with no part of their own is the one complained about; not so the object or the
    # beneficiary of the wrong, a relative named as such, or anyone in a message that complains of nothing
    ("我们举报村里的问题：柯晓林去年盖了三层楼，钱从哪里来？", [("柯晓林", None, "unknown", "accused")]),
    ("我们投诉开发商：延期交房两年，柯晓林从来不露面。", [("柯晓林", None, "unknown", "accused")]),
    ("我们举报村里的事：村会计把低保名额给了柯晓林，真正困难的没评上。",
     [(None, "村会计", "village", "accused"), ("柯晓林", None, "unknown", "other")]),
    ("举报村会计柳云山为自己儿子柯晓林申报低保。",
     [("柳云山", "村会计", "village", "accused"), ("柯晓林", None, "unknown", "other")]),
    ("柯晓林去年盖了三层楼。", [("柯晓林", None, "unknown", "other")]),
    # writers listed one after another, each described by their sex, are all petitioners
    ("我们是东关镇来县城打工的农民工，分别是：柯定邦，男，青石县人，手机：******.龚立红，女，青石县人，"
     "手机：******.詹明亮，男，青石县人。包工头拖欠我们工资三万元，至今拒不支付。",
     [(n, None, "unknown", "petitioner") for n in ("柯定邦", "龚立红", "詹明亮")]),
    # names each followed by a masked number in the letter's closing half are its signers; the same at the opening
    # is not
    ("村里的饮水工程拖了三年，违规占地也没人管，请上面派人来看看。）柯定邦******************龚立红******************"
     "东关村委会******",
     [("柯定邦", None, "unknown", "petitioner"), ("龚立红", None, "unknown", "petitioner")]),
    ("柯定邦******************，以柯定邦为首的团伙在村里违规占地，骗取补偿款，请查处。",
     [("柯定邦", None, "unknown", "accused")]),
    # …nor the writer's friend, relative or agent named as such, whatever the clause says
    ("我要举报开发商违规建设。我的朋友柯定邦曾实名举报过这处违建。", [("柯定邦", None, "unknown", "other")]),
    ("举报这家药店违规。本人委托龚立红在店里买药。", [("龚立红", None, "unknown", "other")]),
    # …nor persons described by their sex right after the name (the writers or the victims of a list)
    ("我们举报这家公司拖欠工资，欠款的工人有：柯晓林，男，东关镇人；柳云山，男，东关镇人。",
     [("柯晓林", None, "unknown", "other"), ("柳云山", None, "unknown", "other")]),
    # a numbered list of names after a signers' word, or closing the letter, is its signers; one a wrong is
    # charged to is not
    # (a neighbour whose name ends like a hill's, 柳云山, does not make the list one of places)
    ("业主代表：1柯晓林、2柳云山、3张建国、4李明华",
     [(n, None, "unknown", "petitioner") for n in ("柯晓林", "柳云山", "张建国", "李明华")]),
    ("恳请领导下乡查看。我组村民：张建国，李明华，王秀英，刘志强",
     [(n, None, "unknown", "petitioner") for n in ("张建国", "李明华", "王秀英", "刘志强")]),
    ("业主代表：1张建国、2李明华、3王秀英、4刘志强",
     [(n, None, "unknown", "petitioner") for n in ("张建国", "李明华", "王秀英", "刘志强")]),
    ("小区的路灯坏了半年，请尽快修好。1张建国、2李明华、3王秀英、4刘志强 2020年3月5日",
     [(n, None, "unknown", "petitioner") for n in ("张建国", "李明华", "王秀英", "刘志强")]),
    ("小区违规收费的有：1张建国、2李明华、3王秀英。请查处。",
     [(n, None, "unknown", "other") for n in ("张建国", "李明华", "王秀英")]),
    # signatures written together after 签字：/签名：, cut into names; a masked name's surname left out
    ("恳请政府出面解决！业主联名签字：柯晓林柳云山詹明亮龚立红敖建新滕飞宇2020年1月5日",
     [(n, None, "unknown", "petitioner") for n in ("柯晓林", "柳云山", "詹明亮", "龚立红", "敖建新", "滕飞宇")]),
    ("请领导关注。签名：柯晓林柳云山滕A3县詹明亮龚立红",
     [(n, None, "unknown", "petitioner") for n in ("柯晓林", "柳云山", "詹明亮", "龚立红")]),
    # a surname that is far more often a word (任, 于, 全, 应) after a title: jieba's part-of-speech model says name
    ("村支书任国强贪污扶贫款。", [("任国强", "村支书", "village", "accused")]),
    ("镇长于有林拒不处理我们的问题。", [("于有林", "镇长", "township", "accused")]),
    ("村主任全明辉私分集体资金。", [("全明辉", "村主任", "village", "accused")]),
    ("村党支部书记应志明收受红包。", [("应志明", "村党支部书记", "village", "accused")]),
    # a lawyer's, a doctor's or a policeman's name after the trade
    ("律师柯定邦代理此案。", [("柯定邦", None, "unknown", "other")]),
    ("主治医师詹明亮开的药有问题。", [("詹明亮", None, "unknown", "other")]),
    ("护士龚立红态度恶劣。", [("龚立红", None, "unknown", "accused")]),
    ("承办法官敖建新一直不立案。", [("敖建新", None, "unknown", "accused")]),
    ("办案警察滕飞宇拒绝出警。", [("滕飞宇", None, "unknown", "accused")]),
    # a rare surname that is also a word (同) in an anonymised name; two anonymised names written together
    ("据证人同某某证实，当时他也在场。", [("同某某", None, "unknown", "other")]),
    ("收货人欧某贺某，运输木材的数量。", [("欧某", None, "unknown", "other"), ("贺某", None, "unknown", "other")]),
    # a household the schemes name, a trader or a contractor before the name announces a person
    ("村主任把危房改造名额给了贫困户柯定邦。",
     [(None, "村主任", "village", "accused"), ("柯定邦", None, "unknown", "other")]),
    ("个体户龚立红在村里开了一家小卖部。", [("龚立红", None, "unknown", "other")]),
    # 家 or 户 after an anonymised name is the person's home or household, not a given name's character
    ("柯某家的围墙被推倒了。", [("柯某", None, "unknown", "other")]),
    ("包工头诸葛某家办喜事占用道路。", [("诸葛某", None, "unknown", "other")]),
]

NOT_PERSONS = [
    # foreign places and Chinese scenic places that start with a surname's character
    # (triage/data/lexicon_proper_nouns.txt)
    "他在苏黎世留学三年。",
    "去年夏天我们去了岳麓山。",
    # a well-known person's name in the name of something called after them, or in the title of a work; a known
    # two-character name that runs into the next word (更|高更|远)
    "我们小区在聂耳大道北侧。",
    "孩子在莫扎特小学上学。",
    "普希金酒店门口停满了车。",
    "他在读《达尔文的一生》这本书。",
    "到聂耳要坐两站车，聂耳大道那边堵得厉害。",
    "运动员要飞得更高更远。",
    "2020年3月5日向某平台借款两万。",  # "to a certain platform", not 向某
    "他一直赖账不还，赖在家里不走。",  # 赖 the verb
    "记者了解到，该村已完成整改。",  # a byline word with no name after it
    "记者从县民政局获悉，低保金已发放。",
    # 经侦查: "upon investigation" in a judgment, not an economic-crimes officer named 查…
    "经侦查终结后移送起诉。",
    # 方 after a spokesman's word is "only then", or the side, before a modal verb
    "业主代表方需要先开会表决吗？",
    "村民代表方可参加会议。",
    # an estate's name whose first characters look like a name, a few characters before 花园, 广场 or 3栋
    "业主们都住在金荣华峰翡翠花园。",
    # a frequent word in quotation marks after 叫; figures of speech from history and legend
    "这才叫“安静”的日子。",
    "不希望像孟姜女那样哭长城，这里需要狄仁杰来断案。",
    # 组 before 组织 and 组员 starts no title
    "南屋组组织了一次活动。",
    # a driving word, a side, a building with a surname's first character
    "车辆在路口左拐的很多。",
    "在小区周庆边的路口有坑。",
    "任何商居楼都比不上它。",
    # a district; an idiom with a surname's character (是何居心, 云里雾里)
    "在C市云山区云河镇的三个村办学。",
    "究竟是何居心？",
    "医生说得云里雾里的。",
    # a village's name before 和 that the text elsewhere writes with 村
    "后来，黄柳和寨口合并为一个村，要把黄柳村的路修好。",
    # a school after a former name; a village after 村民; a family's house; words before 、 in a list of roles
    "这所学校原名杨柳小学。",
    "我是村民张家湾的人。",
    "村民王家的房子被拆了。",
    "涉案的高管、前股东都没到案。",
    "我们组组员很多。",
    "东关镇的民政局和党支部都没有回复。",
    "这件事在高某地方流传。",
    "提高某地的补助标准。",
    "全村共有贫困户四十户。",
    "银行卡里的钱被取走了。",
    # places, estates and streets that begin with a surname character, with nothing marking a person
    "我家住在柳月湖旁边的小区。",
    "我是金禾家园小区的业主。",
    "在林溪路通往高速的路口经常堵车。",
    "近段时间噪音很大。",
    # common words that jieba's dictionary tags as names
    "没有预售许可证就不能卖房。",
    "他在读高尔夫专业。",
    "工地上堆着水泥沙石。",
    # particles and pronouns never end a name; a numeral runs into a surname character
    "麻烦您帮忙看看，谢谢您！",
    "这样做对得起群众利益吗？",
    "新区住了近30万人口，只有一所高中。",
    # a cue inside a longer word, and 段/区 glued to a dictionary word
    "这片居民区建筑物挨得太紧。",
    "这一路段规划要改成单行道。",
    # a road or a school named after someone-like words, even next to a cue word
    "在松江路与林塘路交叉口有一个垃圾站。",
    "镇上有一所名叫石家岭幼儿园的民办学校。",
    # a township or a hill whose name begins with a surname; 从 of 从事 is no cue; Ｘ光 is no masked name
    "他的厂房在何家山中小企业园里。",
    "他在户柳镇从事养殖。",
    "用公款支付维修Ｘ光机款3000元。",
    "我在B3区某单位上班。",
    # shops in quotation marks, estates after a middle dot or before 山水园, addresses, a class, a numeral word
    "“金禾汇”KTV噪音扰民。",
    "我是绿城·桂雨阁的业主。",
    "希望把何丰山水园纳入普惠名单。",
    "孩子在少年宫（李丽家二段18号）报了名。",
    "高二305班某同学反映食堂太贵。",
    "有空找李老师谈一下吧。",
    "高昂的医药费让人负担不起。",
    # 镇长 across two places' names
    "K7县黄岭镇长安村的路坏了。",
    # a surname character before 领导 or 村民, a lending platform, a verb jieba tags as a name
    "在此先谢过，祝领导新年愉快。",
    "这个垃圾点是望江村民自己堆的。",
    "网贷平台钱多贷去年就跑路了。",
    "他竟然凌驾于法律之上。",
    # 任 "served as" before a firm's name, and the start of a firm's name
    "2016年起至今任青禾电子有限公司监事。",
    "他在温州金海船务有限公司上班。",
    # frequent words jieba tags as names, a surname character before a frequent noun, a preposition or an
    # adverb before a name-like word, village groups, a word the segmenter cut after a title
    "我们只想要个温馨的小家。",
    "他家搬到了欧大厦附近。",
    "我们就向大恒提出退款，一直没退。",
    "举报人曾到学校反映过。",
    "我们住在曾家组，路一直没修。",
    "道路转弯处左拐弯道太窄。",
    # a surname and a form of address, a petitioner cue before a common noun, 和 after a title, a verb jieba
    # calls a name followed by one more character
    "申请人：唐先生，联系方式见附件。",
    "我是农民，家里就靠几亩地过日子。",
    "在岗老师和临聘教师待遇不同。",
    "等组长盖章后再施工。",
    # a cue that straddles two words, a word right after a cue or a title, an adverb after a title, a county
    "两家新老公司办交接时停发了工资。",
    "片区居民车辆无地停放。",
    "我和母亲相依为命。",
    "以前招聘教师都会张榜公示。",
    "作为当事人应拿的那份协议也不给。",
    "学校说高二才开始补课。",
    "他老家在河北省宁晋县。",
    # a title at the start of a longer word (会计|师事务), a village group's name before 到
    "账是青山会计师事务所做的。",
    "修一条从新屋村学田组到河口村的路。",
    # roads, halls, bureaus and stations named after a surname character
    "修好了宁丰公路、梅岗公路。",
    "据市发改委、国测局的通知。",
    "从刘岗站坐车去县城。",
    # a shop or a brand before the name of a square or a building
    "上月在金鹏飞五一广场办了健身年卡。",
    # a surname and 总 is a form of address, even after a cue word
    "我去找了公司负责人林总，他说不归他管。",
    # a word typed in pinyin once, a licence plate, an English word after a function word
    "路边的石dun都被挪走了。",
    "那辆车牌为江a开头的货车。",
    "和wifi一样方便。",
    "他们在林荫道等人。",
    # a "name" with employees elsewhere in the text is a firm; a shop
    "在福瑞斯中心报了班，福瑞斯老师说，后来福瑞斯员工联系我。",
    "街口有个刘刘烤鸭店。",
    # a firm after a cue word; a word before a masked phone number
    "被投诉人华利房地产擅自施工。",
    "打他电话一直关机******。",
    # a quoted word after 名为 or 叫 that names a firm, a place or a term
    "一家名为“金龙”的公司。",
    "这种单据行业叫“白单”。",
    "另外有个自然村叫青竹山自然村。",
    # an estate's phase, a school whose name starts like a name, a conjunction before a title
    "这一片在金茂悦二期。",
    "孩子在周南梅溪湖中学读书。",
    "正式老师和临聘老师待遇差很多。",
    # a time word after a cue; a class named with 氏
    "母亲凌晨挑着菜去城里卖。",
    "幼儿园开了普通班和蒙班氏两种班。",
    "我是城东金湖悦的一名业主。",  # an estate's owners
    # 总 before a word (总是); a firm that has a limited company elsewhere in the text; a surname and 姓
    "老板皮总是很忙，没空见我们。",
    "我在李记福食品有限公司上班，李记福的产品卖得很好。",
    "售楼处一李姓经理态度很差。",
    "我是安徽人，本科学历。",  # someone from Anhui
    "这个人嗓门比别的业主都高些。",
    # an office, a certificate and a rate end like no name
    "材料送到了市水利局农饮办。",
    "他家的林权证上面写错了。",
    "销售说这栋楼公摊率是8%。",
    # a verb after 业主, a street before 路上, a kindergarten's name cut inside its last word
    "贝贝龚幼儿园无证办学，要求贝贝龚幼儿停止招生。",
    # a doer (施暴者) and a quality (严肃性) end like no name; 惠农 is a policy word
    "他明明是一个施暴者却成了证人。",
    "这份规划的严萧性何在，怎能说改就改？",
    "惠农政策要落实到每一户。",
    "车位面积已被小区业主公摊，怎么还能卖？",
    "新修的姚路上没有人行横道线。",
    # a car's make; a "name" listed between places
    "门口常停一辆白色马自达轿车。",
    "樟树湾、吴育子、枫树垭的山林都被砍了。",
    "分布在竹山、黄星、福田等几个乡镇。",
    # a surname before a masked telephone number; "of" in a classical phrase
    "联系人：张*****************",
    "春夏之交的时候，国之兴也。",
    # a negation or 几 after a surname's character; a word listed with commas between places
    "滨江小区段不亮，晚上很黑。",
    "见过山羊黄几子等等。",
    "高速应该放在县城西部黄岗，横市，沙山一线。黄岗的朋友都这么说。",
    # 组成部分 and 七组和八组: words, not a group and a name; a hamlet after a group; the end of a sentence after 举报人
    "绿地是小区环境的组成部分。",
    "新塘村三组和五组都没人通知。",
    "老屋在柳林村下塘组杨家冲，全组九户人家。",
    "请给举报人和大家一个公平正义。",
    # a district's offices; a surname and a form of address (小姐)
    "由区政府、区人社、区教育局共同处理。",
    "客服部负责人陈小姐一直不回电。",
    "我本是卫生局系统的老职工。",
    # 张 counting a card; a surname that is also a word (房, 车) after 居民 before a verb
    "上个月在店里办了张面值五百元的卡。",
    "沿街居民房集中的地方垃圾成堆。",
    # a venue after a bare "name"; an estate's name cut inside 安置小区; 毛胚 (an unfinished flat) is a word
    "2、金池歌舞厅设在居民楼内。",
    "新河苑，洪西安置小区都停水了。",
    "开发商把毛胚变精装再加价卖。",
    # a campus named after the school; a character that starts the next word (触碰) is no name's third
    "学区已划入东塘小学万芙校区。",
    "路口太窄，常有人、车小触碰。",
    # a street's name
    "要建一个和黄星步行街差不多的街区。",
    "本人名下有一套房。",
    "电话里像阎王爷催命一样。",
    # a car dealer's or a driving school's name; a river's banks
    "我在县里的黄兆远二手车行买了一辆车。",
    "报名了城南的罗安康驾校。",
    "养殖场就在万青江沿岸。",
    # 票 is no name's character
    "公交可以出周票和月票。",
    # X记 and one more character: a shop; a car make
    "垃圾站就在陈记炖粉旁边。",
    "单位用的是江铃域虎皮卡车。",
    # X记 is a shop's name; a "name" that elsewhere begins a kindergarten's name with one or two more characters
    "东湖园段记夜宵吵到半夜，段记的厨房占了人行道。",
    "配套的钟瀛格林幼儿园学费高，我知道钟瀛在明年涨价。",
    "我名下没有房产。",
    # a body's short name before a document's year; a railway named after three towns
    "依照汪建建[2015]76号文件执行。",
    "这一带的房子紧挨着韩宜怀高铁线路。",
    "这样的问题拖了三年都没人管，大家真的无计可施，恳请领导过问。谢谢",
    # 由某个 is "by some"; a document's number with 字; a word that elsewhere starts a firm's name
    "这件事背后是否由某个人在指使，谁也不知道。",
    "依据处罚决定书（滕教民幼处字[2019]3号）执行。",
    "东省夏荣大宗商品平台有限公司骗了我。1、夏荣购销汇软件有后门。",
    # a count of persons after a word; 强揽 (a misconduct verb); 向 before a given name and a title; a numbered
    # building; 公摊面积
    "检察院对胡杨三人问话。",
    "干部强揽工程后转包给亲戚。",
    "就这个问题向宏达书记澄清，望宏达书记作主。",
    "碧桂林居三、四栋都是住宅。",
    "我家房子的公摊面积有28平米。",
    # a place inside the area just named (地区, 街道 …)
    "希望开通城北地区柳巧的公交车。",
    # a product's name in book-title marks; thanks before a surname and a title; a road named after a hollow (冲);
    # a register of owners
    "电视里播着《龙力勃强身胶囊》的广告。",
    "麻烦尽快修好路灯，谢谢黄书记了。",
    "在云塘路以东、钱甲冲路以北。",
    "大家让物业公开收支明细。",
    # a railway line (X线)
    "这里是黎湛线的必经之地。",
    "孩子参加了学校的夏令营。",
    "系里干部查寝大队每晚都来。",
    # words of the domain dictionary that jieba's own dictionary tags as names (路基) or glues to a surname (楼栋)
    "请对镇区段路基加宽。",
    "有的楼栋口还装了地锁。",
    # a word in quotation marks after 网友 is no handle
    "网友“建议”称路灯坏了。",
    # a reservoir's, a canal's or a works' name that a mention elsewhere shows (雷旺水库 … 雷旺水渠)
    "六十年代建的雷旺水利设施，现在雷旺灌区和雷旺水库都没人管。",
    # a doubled character starts a word (毛毛虫), a brand ends in 牌, a subsidy in 补
    "我们楼道里有时会爬进一些毛毛虫，请派人打药。",
    "去年买了一辆雷丁牌老年代步车，能上牌吗？",
    "听说机关工作人员的车补又涨了，车补是按月发吗？",
    # a cue word, then a verb and its negation (老板|信不过): no surname
    "这事连饭店老板严不清楚，更别说我们了。",
    # 段 after a stretch of road in brackets is "section"
    "（东风路至解放路）段路幅不够，早晚高峰堵成一片。",
    # a village typed in pinyin before 项目, not a name in pinyin
    "李cun项目部旁边堆满建材，李cun那边还在施工。",
    "李zhuang村的垃圾没人管，李zhuang天天扬尘。",
    # 祝 "wish" before a word, not the surname 祝 (村民祝远航 with its cue is still a name)
    "祝书友们读书愉快。",
    "祝宝宝健康成长。",
    # no signatures after 签名：, however many characters follow
    "签名：请各位业主踊跃参加会议",
    # a conjunction after a word that announces a person is no surname: 村民和|女主人
    "村民和女主人吵了起来。",
    # a district's 区 and a town's first character, not the title 区长
    "项目位于枫溪区长禾镇军禾庄。",
    # the Party group (党组) is no village group with a villager's name after it
    "市林业局党组文件关于机构调整的通知。",
    # 编辑 is also the verb "edit": no byline without a bracket or 本报 before it
    "请编辑信息，发送给我。",
    # …but not a verb there: 村民张|再说 ("said again")
    "村民张再说，他不同意。",
]

# a title followed by a word, not by a name: the role may be found, no name
TITLE_THEN_WORD = [
    "局长依法办理了此事。",  # 依法 is a word, not a foreign name after the title
    "原名瑞安雅居的小区改了名。",  # an estate's old name after 原名
    "张村：村民反映的问题已解决。",  # a village before a colon, not a speaker
    "多次给市长信箱写信都没有回复。",
    "班主任老师利用课堂时间推销资料。",
    "新规定引起在职教师的强烈反感。",
    "在市长信箱里留言三次了。",
    # a department (X部) before a title
    "合同上有宏达集团安质部副部长签字。",
    # 于 before a time word is "on", not a surname
    "村主任于本周召开会议。",
]

# text, [(place text, township, village)]
PLACE_CASES = [
    ("我是东关镇柳树村村民。", [("东关镇柳树村", "东关镇", "柳树村")]),
    ("马家村的低保有问题。", [("马家村", "东关镇", "马家村")]),
    ("南江省青石县枫林乡上坪村。", [("南江省青石县枫林乡上坪村", "枫林乡", "上坪村")]),
    ("A市X县的干部。", [("A市X县", None, None)]),
    # a township of the gazetteer written without 镇/乡, as letters often do
    ("东关民政所所长态度蛮横。", [("东关", "东关镇", None)]),
    ("我们是枫林的村民。", [("枫林", "枫林乡", None)]),
]

# text, received_at, date text, from, to
DATE_CASES = [
    ("2019年他开始冒领。", None, "2019年", "2019-01-01", "2019-12-31"),
    ("2017年至2019年间多次索要。", None, "2017年至2019年", "2017-01-01", "2019-12-31"),
    ("去年3月发放补助时。", date(2026, 3, 2), "去年3月", "2025-03-01", "2025-03-31"),
    ("2022年1月收到钱。", None, "2022年1月", "2022-01-01", "2022-01-31"),
    ("2021年3月5日晚上。", None, "2021年3月5日", "2021-03-05", "2021-03-05"),
    ("二〇一九年底。", None, "二〇一九年底", "2019-10-01", "2019-12-31"),
]

# text, organisation text, department
ORG_CASES = [
    ("我们向县民政局反映过。", "县民政局", "民政局"),
    ("青石县住建局不管。", "青石县住建局", "住房和城乡建设局"),
    ("医保局的工作人员说。", "医保局", "医疗保障局"),
]

PAGE = (
    "尊敬的领导：我叫王小明，是东关镇柳树村村民。现实名举报本村党支部书记袁某某、村主任张建国相互勾结，"
    "2019年至2021年冒领低保金2.3万元，虚报危房改造补助16万多元。去年3月，袁某某又以修路为名向每户收取"
    "1200~1400元不等。县民政局副局长刘某知情不报，收受袁某某五百块钱。请县纪委查处。"
)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(GAZETTEER)


@pytest.mark.parametrize(("text", "span", "value", "currency", "qualifier", "low", "high"), MONEY_CASES)
def test_money(analyzer, text, span, value, currency, qualifier, low, high):
    amounts = analyzer.extract(text).amounts
    assert [(a.text, a.value, a.currency, a.qualifier, a.low, a.high) for a in amounts] == [
        (span, value, currency, qualifier, low, high)
    ]
    assert text[amounts[0].start:amounts[0].end] == span


@pytest.mark.parametrize(("written", "value"), [
    ("18万5千", 185000), ("18万5000", 185000), ("1万2千5百", 12500), ("3万5", 35000), ("1亿2000万", 120000000),
    ("2.3万", 23000), ("1,200", 1200), ("七千二百", 7200), ("二万五", 25000), ("叁万伍仟", 35000),
])
def test_parse_number(written, value):
    from triage.nlp.numbers import parse_number

    assert parse_number(written) == value


@pytest.mark.parametrize(("text", "values"), MONEY_LISTS)
def test_several_sums(analyzer, text, values):
    amounts = analyzer.extract(text).amounts
    assert [a.value for a in amounts] == values
    for a in amounts:
        assert text[a.start:a.end] == a.text


@pytest.mark.parametrize("text", NOT_MONEY)
def test_not_money(analyzer, text):
    assert analyzer.extract(text).amounts == ()


@pytest.mark.parametrize(("text", "expected"), PERSON_CASES)
def test_persons(analyzer, text, expected):
    persons = analyzer.extract(text).persons
    got = {(p.name, p.level, p.party) for p in persons}
    assert got == {(name, level, party) for name, _role, level, party in expected}
    for name, role, _level, _party in expected:
        if role is not None:
            person = next(p for p in persons if p.name == name and (name is not None or p.role == role))
            assert person.role == role
    for person in persons:
        for start, end in person.mentions:
            assert text[start:end] == (person.name or text[start:end])


@pytest.mark.parametrize("text", NOT_PERSONS)
def test_not_persons(analyzer, text):
    assert [p.name for p in analyzer.extract(text).persons] == []


@pytest.mark.parametrize("text", TITLE_THEN_WORD)
def test_a_word_after_a_title_is_not_a_name(analyzer, text):
    assert [p.name for p in analyzer.extract(text).persons if p.name] == []


@pytest.mark.parametrize(("text", "expected"), PLACE_CASES)
def test_places(analyzer, text, expected):
    places = analyzer.extract(text).places
    assert [(p.text, p.township, p.village) for p in places] == expected
    for p in places:
        assert text[p.start:p.end] == p.text


@pytest.mark.parametrize(("text", "received", "span", "date_from", "date_to"), DATE_CASES)
def test_dates(analyzer, text, received, span, date_from, date_to):
    dates = analyzer.extract(text, received).dates
    assert [(d.text, d.date_from.isoformat(), d.date_to.isoformat()) for d in dates] == [(span, date_from, date_to)]


@pytest.mark.parametrize(("text", "span", "department"), ORG_CASES)
def test_organisations(analyzer, text, span, department):
    orgs = analyzer.extract(text).organisations
    assert [(o.text, o.department) for o in orgs] == [(span, department)]


def test_page_offsets_and_parts(analyzer):
    extraction = analyzer.extract(PAGE, date(2026, 3, 2))
    for a in extraction.amounts:
        assert PAGE[a.start:a.end] == a.text
    for p in extraction.places:
        assert PAGE[p.start:p.end] == p.text
    for d in extraction.dates:
        assert PAGE[d.start:d.end] == d.text
    for o in extraction.organisations:
        assert PAGE[o.start:o.end] == o.text
    by_name = {p.name: p for p in extraction.persons}
    assert by_name["王小明"].party == "petitioner"
    assert by_name["袁某某"].level == "village" and by_name["袁某某"].party == "accused"
    assert by_name["袁某某"].place == "柳树村"
    assert len(by_name["袁某某"].mentions) == 3
    for start, end in by_name["袁某某"].mentions:
        assert PAGE[start:end] == "袁某某"
    assert by_name["刘某"].level == "county_dept"
    assert [a.value for a in extraction.amounts] == [23000, 160000, 1300, 500]
    assert {o.department for o in extraction.organisations} >= {"民政局"}


def test_tokens_keep_domain_words(analyzer):
    tokens = analyzer.tokens("村党支部书记袁某冒领低保金")
    assert "村党支部书记" in tokens and "低保金" in tokens


def test_extract_many_keeps_order(analyzer):
    results = analyzer.extract_many([("收受3万元", None), ("村主任张建国", None)])
    assert [len(r.amounts) for r in results] == [1, 0]
    assert results[1].persons[0].name == "张建国"


def test_no_gazetteer_still_works():
    analyzer = Analyzer()
    extraction = analyzer.extract("县民政局副局长刘某收受2万元。")
    assert extraction.persons[0].level == "county_dept"
    assert extraction.organisations[0].department == "民政局"


def test_the_known_persons_and_proper_nouns_load_apart():
    lexicon = load_lexicon()
    assert {"比尔·盖茨", "奕䜣", "聂耳"} <= lexicon.known_persons  # a dotted name, an extension-A character
    assert {"苏黎世", "岳麓山"} <= lexicon.nonnames  # the proper nouns join the non-names
    assert not lexicon.known_persons & lexicon.nonnames


def test_a_malformed_known_person_names_its_file_and_line(tmp_path):
    for path in DATA_DIR.iterdir():
        if path.is_file():
            shutil.copy(path, tmp_path / path.name)
    with (tmp_path / "lexicon_known_persons.txt").open("a", encoding="utf-8") as out:
        out.write("比尔 盖茨\n")
    with pytest.raises(ConfigError, match=r"lexicon_known_persons\.txt:\d+: '比尔 盖茨' is not a name"):
        load_lexicon(tmp_path)

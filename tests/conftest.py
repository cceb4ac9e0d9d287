"""Shared fixtures: real components only (the example county, the real analyzer, a tiny baseline model trained
on the fly from inline petitions, a real SQLite store and a real embedded index in tmp_path)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"

# A few petitions per domain and kind, written for the tests: enough for a tiny model to tell them apart.
TRAINING = [
    ("poverty_alleviation", "accusation", "村支书张某把扶贫资金和产业扶贫项目款据为己有，贫困户一分没拿到"),
    ("poverty_alleviation", "accusation", "驻村工作队长期不驻村，扶贫小额信贷被村干部冒名贷走"),
    ("poverty_alleviation", "accusation", "村主任优亲厚友，把自己亲戚评为贫困户，易地扶贫搬迁名额被倒卖"),
    ("land_compensation", "accusation", "村干部截留征地补偿款，青苗补偿费至今没有发放到户"),
    ("land_compensation", "accusation", "拆迁安置款被村会计挪用，地上附着物补偿被克扣"),
    ("land_compensation", "accusation", "村书记私自出租集体土地，宅基地被违法出售，土地复耕款不知去向"),
    ("agri_subsidy", "accusation", "村文书冒领耕地地力保护补贴和种粮补贴，一卡通被他扣着"),
    ("agri_subsidy", "accusation", "农机购置补贴被套取，退耕还林补助没有发给农户"),
    ("agri_subsidy", "accusation", "粮食直补款被村干部截留，生态公益林补偿少发"),
    ("social_assistance", "accusation", "村主任给不符合条件的亲属办理低保，低保金被冒领"),
    ("social_assistance", "accusation", "死亡多年的老人仍在领取养老金，特困供养金被村干部侵占"),
    ("social_assistance", "accusation", "临时救助款被民政所工作人员截留，残疾人补贴没有发放"),
    ("housing", "accusation", "危房改造补助被村支书骗取，他家根本不是危房"),
    ("housing", "accusation", "农村危房改造资金被克扣，房子没改造钱却领了"),
    ("housing", "accusation", "棚户区改造和公租房分配中村干部收受好处费"),
    ("collective_assets", "accusation", "村集体资金账目不公开，村会计设立小金库"),
    ("collective_assets", "accusation", "村里的集体鱼塘低价承包给村主任亲戚，集体收入去向不明"),
    ("collective_assets", "accusation", "村财被村书记挪用，集体资产被私自变卖"),
    ("construction_procurement", "accusation", "村道工程围标串标，村干部收受工程老板回扣"),
    ("construction_procurement", "accusation", "工程虚报工程量套取资金，政府采购价格虚高"),
    ("education_medical", "accusation", "学校乱收费，学生营养餐被克扣"),
    ("education_medical", "accusation", "卫生院骗取医保基金，医院乱收费"),
    ("frugality_rules", "accusation", "镇干部公款吃喝，公车私用，收受礼品礼金"),
    ("frugality_rules", "accusation", "村干部大操大办婚宴，违规发放津补贴"),
    ("work_style", "accusation", "镇政府工作人员推诿扯皮不作为，办事吃拿卡要"),
    ("work_style", "accusation", "村支书长期不在岗，群众办事门难进脸难看"),
    ("organized_crime", "accusation", "村霸横行，强揽工程，村干部充当黑恶势力保护伞"),
    ("organized_crime", "accusation", "宗族势力把持村委会，敲诈勒索村民"),
    ("other", "accusation", "村干部违规占用办公用房，作风不正"),
    ("work_style", "appeal", "本人对镇纪委给予我的党内警告处分不服，特提出申诉，请求复查"),
    ("work_style", "appeal", "我被给予记过处分，事实认定有误，申请复核撤销处分"),
    ("other", "suggestion", "建议政府加强村务公开，多听取群众意见，改进工作方法"),
    ("other", "suggestion", "对乡村道路建设提几点建议，希望加大投入"),
    ("social_assistance", "non_jurisdiction", "我家是否符合低保条件，想咨询一下办理低保需要什么材料"),
    ("land_compensation", "non_jurisdiction", "我和邻居因宅基地界限发生纠纷，法院判决不公，请求处理"),
    ("other", "non_jurisdiction", "邻居欠钱不还，民事纠纷，请求帮忙追讨"),
]


@pytest.fixture(scope="session")
def training_records():
    from models import records_from_dicts
    from triage.taxonomy import default_taxonomy

    return records_from_dicts([{"text": t, "domain": d, "kind": k} for d, k, t in TRAINING], default_taxonomy())


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory, training_records):
    from models import train_model
    from triage.taxonomy import default_taxonomy

    model = train_model(default_taxonomy(), training_records, model_type="baseline")
    directory = tmp_path_factory.mktemp("model")
    model.save(directory)
    return directory


@pytest.fixture(scope="session")
def office():
    from triage.routing import load_office

    return load_office()


@pytest.fixture(scope="session")
def analyzer(office):
    from triage.nlp import Analyzer

    return Analyzer(office.gazetteer)


@pytest.fixture(scope="session")
def pipeline(analyzer, tiny_model_dir, office):
    from models import load_model
    from triage.service import Pipeline

    return Pipeline(analyzer, load_model(tiny_model_dir), office)


@pytest.fixture
def settings(tmp_path, tiny_model_dir):
    from triage.settings import Settings

    return Settings(data_dir=tmp_path / "data", model_dir=tiny_model_dir)


@pytest.fixture
def service(settings, pipeline):
    from indexer import open_index
    from triage.service import Service
    from triage.store import Store

    index = open_index(settings.data_dir)
    svc = Service(Store(settings.db_path), lambda: pipeline, index=index, files_dir=settings.files_dir)
    yield svc
    index.close()
    svc.store.close()


def write_jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path

"""How well scanned letters are read: OCR character accuracy and extraction on OCR text.

Generates letters from the project's own templates (names, places and sums invented here, places from the
example county), renders each to an A4 page image twice — clean at 200 dpi, and noisy at 150 dpi (skew,
paper tone, sensor noise, blur, specks, JPEG) — reads them with the intake's OcrEngine and reports:

- character accuracy, 1 − CER, where CER = edit distance / reference length summed over the letters,
  after NFKC (full-width punctuation ≡ half-width) and with whitespace removed on both sides;
- extraction with triage.nlp.Analyzer on the source text and on each OCR text: the share of the letters'
  generated names and sums that are found, and how often OCR extraction equals source extraction.

Run:  nice .venv/bin/python bench/ocr_eval.py --letters 50
Needs a CJK font (Debian fonts-wqy-zenhei or fonts-noto-cjk). Takes minutes on two cores.
"""

from __future__ import annotations

import argparse
import glob
import io
import json
import random
import statistics
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    *sorted(glob.glob("/usr/share/fonts/**/*CJK*.tt[cf]", recursive=True)),
]

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高郑梁谢宋唐韩冯邓曹彭曾萧田董潘袁蔡蒋余"
GIVEN = ["建国", "秀英", "志强", "国华", "永福", "德明", "春梅", "海军", "卫东", "桂兰", "红军", "玉珍",
         "长青", "文斌", "小平", "立新", "富贵", "金凤", "明亮", "学军", "庆丰", "爱华", "振宇", "光荣",
         "勇", "军", "平", "敏", "涛", "磊"]
VILLAGE_ROLES = ["村党支部书记", "村支书", "村委会主任", "村主任", "村会计", "村文书", "村民小组长"]
TOWNSHIP_ROLES = ["镇长", "副镇长", "乡长", "民政所所长", "财政所所长", "农经站站长"]

GREETINGS = ["尊敬的县纪委监委领导：", "县纪委：", "尊敬的领导：", "青石县纪委监委信访室："]
CLOSINGS = [
    "恳请上级纪委认真调查，依纪依法严肃处理，还群众一个公道。",
    "以上情况均属实，请领导派人核查处理。",
    "希望纪委能够尽快查清事实，给我们一个答复。",
]
BODIES = [
    "我是{village}村民，现实名举报{village}{role1}{name1}。{year}年以来，{name1}利用职务便利，"
    "把不符合条件的亲属纳入低保，冒领低保金共计{amount1}。同时，他还虚报危房改造户，"
    "骗取危房改造补助{amount2}，群众意见很大。",
    "{year}年{town}征地过程中，{village}{role1}{name1}与{role2}{name2}相互勾结，"
    "截留村民的征地补偿款{amount1}，至今没有发放到户。村民多次反映，{name1}以各种理由推脱，"
    "另有青苗补偿费{amount2}去向不明。",
    "反映{town}{role3}{name1}的问题：该同志在办理村民低保审批时吃拿卡要，"
    "收受村民{name2}现金{amount1}，还多次接受宴请。{year}年春节期间，{name1}收受礼品礼金{amount2}。",
    "我们是{village}的村民，{village}{role1}{name1}长期把持村里的集体资产，"
    "将村集体鱼塘私自承包给自己的亲戚，每年承包费{amount1}从未公开。"
    "{year}年修建村道时，他虚报工程量，多领取工程款{amount2}。",
    "{village}{role1}{name1}在{year}年耕地地力保护补贴发放中弄虚作假，"
    "虚报种植面积，套取补贴资金{amount1}。村会计{name2}参与其中，分得{amount2}。",
    "举报{town}{role3}{name1}：{year}年以来多次违规使用公车办私事，"
    "在辖区饭店公款吃喝，累计签单{amount1}，并以会议费名义报销。"
    "其下属{name2}违规领取津贴补贴{amount2}。",
]


@dataclass
class Letter:
    text: str
    names: list[str]
    amounts: list[float]


@dataclass
class Reading:
    text: str
    confidence: float
    seconds: float


@dataclass
class Totals:
    edits: int = 0
    chars: int = 0
    confidences: list[float] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    accuracies: list[float] = field(default_factory=list)


def make_name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        if name not in used:
            used.add(name)
            return name


def make_amount(rng: random.Random) -> tuple[str, float]:
    form = rng.randrange(4)
    if form == 0:
        value = rng.randrange(8, 990) * 100
        return f"{value}元", float(value)
    if form == 1:
        value = rng.randrange(11, 99) / 10
        return f"{value:g}万元", value * 10000
    if form == 2:
        value = rng.randrange(2, 60)
        return f"{value}万余元", float(value * 10000)
    value = rng.randrange(1000, 99999)
    return f"{value:,}元".replace(",", ""), float(value)


def load_places() -> list[tuple[str, str]]:
    import yaml

    units = yaml.safe_load((ROOT / "triage/data/example_units.yaml").read_text(encoding="utf-8"))
    return [(town, village) for town, villages in units["townships"].items() for village in villages]


def make_letters(count: int, seed: int) -> list[Letter]:
    rng = random.Random(seed)
    places = load_places()
    letters = []
    for index in range(count):
        used: set[str] = set()
        town, village = rng.choice(places)
        name1, name2 = make_name(rng, used), make_name(rng, used)
        (text1, value1), (text2, value2) = make_amount(rng), make_amount(rng)
        body = BODIES[index % len(BODIES)].format(
            town=town, village=village, name1=name1, name2=name2, amount1=text1, amount2=text2,
            role1=rng.choice(VILLAGE_ROLES), role2=rng.choice(VILLAGE_ROLES),
            role3=rng.choice(TOWNSHIP_ROLES),
            year=rng.randrange(2018, 2026),
        )
        names = [name1] + ([name2] if "{name2}" in BODIES[index % len(BODIES)] else [])
        signed = rng.random() < 0.6
        signature = make_name(rng, used) if signed else None
        month, day = rng.randrange(1, 13), rng.randrange(1, 29)
        lines = [rng.choice(GREETINGS), body, rng.choice(CLOSINGS), "此致", "敬礼！",
                 f"举报人：{signature}" if signature else "一群知情群众", f"2026年{month}月{day}日"]
        if signature:
            names.append(signature)
        letters.append(Letter("\n".join(lines), names, [value1, value2]))
    return letters


def render_page(text: str, font_path: str, dpi: int):
    """An A4 page: 14-point text, one-inch margins, paragraphs indented by two characters."""
    from PIL import Image, ImageDraw, ImageFont

    width, height = int(8.27 * dpi), int(11.69 * dpi)
    size = round(14 / 72 * dpi)
    font = ImageFont.truetype(font_path, size)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    margin = dpi
    usable = width - 2 * margin
    y = margin
    for number, paragraph in enumerate(text.split("\n")):
        indent = "" if number == 0 or paragraph in ("此致",) else "　　"
        if paragraph.startswith(("举报人", "一群", "2026年")):
            x0 = margin + usable - font.getlength(paragraph)  # signature and date flush right
            draw.text((x0, y), paragraph, font=font, fill=0)
            y += int(size * 1.7)
            continue
        line = indent
        for ch in paragraph:
            if font.getlength(line + ch) > usable:
                draw.text((margin, y), line, font=font, fill=0)
                y += int(size * 1.7)
                line = ""
            line += ch
        draw.text((margin, y), line, font=font, fill=0)
        y += int(size * 1.7)
    return image


def degrade(image, rng: random.Random):
    """A phone or cheap-scanner look: skew, paper tone, noise, blur, specks, JPEG."""
    import numpy as np
    from PIL import Image, ImageFilter

    angle = rng.uniform(-2.5, 2.5)
    paper = rng.randrange(220, 245)
    image = image.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    array = np.asarray(image, dtype=np.float32)
    array = paper - (255 - array) * (rng.uniform(0.7, 0.9))  # ink not fully black, paper not white
    height, width = array.shape
    shadow = np.linspace(0, rng.uniform(20, 45), width)[None, :] * np.ones((height, 1))  # uneven light
    array -= shadow if rng.random() < 0.5 else shadow[:, ::-1]
    nprng = np.random.default_rng(rng.randrange(1 << 30))
    array += nprng.normal(0, 16, array.shape)
    specks = nprng.random(array.shape) < 0.0008
    array[specks] = 30
    array = np.clip(array, 0, 255).astype(np.uint8)
    image = Image.fromarray(array, "L").filter(ImageFilter.GaussianBlur(0.8))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=45)
    return buffer.getvalue()


def png(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def comparable(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def edit_distance(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def extraction_of(analyzer, text: str) -> tuple[frozenset[str], frozenset[float]]:
    extraction = analyzer.extract(text)
    names = frozenset(p.name for p in extraction.persons if p.name)
    amounts = frozenset(round(float(a.value), 2) for a in extraction.amounts)
    return names, amounts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--letters", type=int, default=50)
    parser.add_argument("--seed", type=int, default=20260302)
    parser.add_argument("--threads", type=int, default=None, help="onnxruntime threads (default: all cores)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--save-images", type=Path, help="keep the rendered pages in this folder")
    parser.add_argument("--only", help="comma-separated letter numbers to run (to look into one)")
    parser.add_argument("--variants", default="clean,noisy", help="clean, noisy or both (default)")
    args = parser.parse_args(argv)

    font = next((p for p in FONT_CANDIDATES if Path(p).exists()), None)
    if font is None:
        print("no CJK font: install fonts-wqy-zenhei or fonts-noto-cjk", file=sys.stderr)
        return 2
    from triage.intake import OcrEngine, Progress

    try:
        from triage.nlp import Analyzer

        analyzer = Analyzer()
    except ImportError:
        analyzer = None

    letters = make_letters(args.letters, args.seed)
    engine = OcrEngine(threads=args.threads)
    rng = random.Random(args.seed + 1)
    variants = [v for v in ("clean", "noisy") if v in args.variants.split(",")]
    numbers = [int(n) for n in args.only.split(",")] if args.only else list(range(len(letters)))
    readings: dict[str, list[Reading]] = {v: [] for v in variants}
    progress = Progress(len(variants) * len(numbers), label="ocr_eval")
    for index, letter in enumerate(letters):
        pages = {
            "clean": png(render_page(letter.text, font, 200)),
            "noisy": degrade(render_page(letter.text, font, 150), rng),  # rng drawn for every letter
        }
        if index not in numbers:
            continue
        for variant, data in pages.items():
            if variant not in variants:
                continue
            if args.save_images:
                args.save_images.mkdir(parents=True, exist_ok=True)
                suffix = "png" if variant == "clean" else "jpg"
                (args.save_images / f"letter{index:02d}-{variant}.{suffix}").write_bytes(data)
            started = time.perf_counter()
            text, confidence = engine.read_image(data)
            readings[variant].append(Reading(text, confidence, time.perf_counter() - started))
            progress.step()
    progress.close()
    letters = [letters[n] for n in numbers]

    totals = {variant: Totals() for variant in readings}
    details: list[dict[str, object]] = []
    for variant, reads in readings.items():
        for letter, reading in zip(letters, reads, strict=True):
            reference, hypothesis = comparable(letter.text), comparable(reading.text)
            edits = edit_distance(reference, hypothesis)
            t = totals[variant]
            t.edits += edits
            t.chars += len(reference)
            t.accuracies.append(1 - edits / len(reference))
            details.append({"letter": numbers[len(t.accuracies) - 1], "variant": variant,
                            "accuracy": round(1 - edits / len(reference), 4), "ocr_text": reading.text})
            t.confidences.append(reading.confidence)
            t.seconds.append(reading.seconds)

    figures: dict[str, dict[str, float]] = {}
    print(f"\nOCR on {len(letters)} generated letters (A4, 14 pt, font {Path(font).name}); "
          f"seed {args.seed}\n")
    print("| render | char accuracy (1-CER) | worst letter | mean confidence | s/page |")
    print("|---|---|---|---|---|")
    for variant, label in (("clean", "clean, 200 dpi PNG"), ("noisy", "noisy, 150 dpi JPEG, skew ±2.5°")):
        if variant not in totals:
            continue
        t = totals[variant]
        accuracy = 1 - t.edits / t.chars
        figures[variant] = {
            "char_accuracy": round(accuracy, 4),
            "worst_letter": round(min(t.accuracies), 4),
            "mean_confidence": round(statistics.fmean(t.confidences), 4),
            "seconds_per_page": round(statistics.fmean(t.seconds), 2),
        }
        f = figures[variant]
        print(f"| {label} | {f['char_accuracy']:.4f} | {f['worst_letter']:.4f} | "
              f"{f['mean_confidence']:.4f} | {f['seconds_per_page']:.1f} |")

    if analyzer is not None:
        sources = [extraction_of(analyzer, letter.text) for letter in letters]
        rows = [("source text", sources)]
        for variant in variants:
            rows.append((f"OCR {variant}", [extraction_of(analyzer, r.text) for r in readings[variant]]))
        gold_names = sum(len(letter.names) for letter in letters)
        gold_amounts = sum(len(letter.amounts) for letter in letters)
        print(f"\nExtraction (triage.nlp.Analyzer) against the {gold_names} names and {gold_amounts} sums "
              "written into the letters, and agreement with extraction on the source text\n")
        print("| text | names found | sums found | persons = source's | sums = source's |")
        print("|---|---|---|---|---|")
        for label, extracted in rows:
            names_found = sum(len(set(letter.names) & names) for letter, (names, _) in zip(letters, extracted,
                                                                                             strict=True))
            sums_found = sum(len({round(v, 2) for v in letter.amounts} & sums)
                             for letter, (_, sums) in zip(letters, extracted, strict=True))
            same_names = sum(e[0] == s[0] for e, s in zip(extracted, sources, strict=True)) / len(letters)
            same_sums = sum(e[1] == s[1] for e, s in zip(extracted, sources, strict=True)) / len(letters)
            figures[label] = {
                "names_found": round(names_found / gold_names, 4),
                "sums_found": round(sums_found / gold_amounts, 4),
                "persons_equal_source": round(same_names, 4),
                "sums_equal_source": round(same_sums, 4),
            }
            f = figures[label]
            print(f"| {label} | {f['names_found']:.3f} | {f['sums_found']:.3f} | "
                  f"{f['persons_equal_source']:.3f} | {f['sums_equal_source']:.3f} |")
    else:
        print("\n(triage.nlp.Analyzer not available: extraction not compared)")
    if args.json:
        report = {"figures": figures, "letters": details}
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

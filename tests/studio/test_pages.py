"""The read-only pages: complete and self-contained for every bundled policy in each
language, each rule beside the words it encodes, the decision tables and groupings an
officer reads, gaps and conflicts marked, and nothing a policy holds breaking out of its
element."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pytest

from complaint_rules import Catalog, CompiledPolicy, load_policy, load_policy_text
from complaint_rules.errors import MissingExtraError
from complaint_rules.policy.model import ELEMENT_KINDS
from complaint_rules.studio import pages
from complaint_rules.studio.pages import (
    Links,
    PolicyStatus,
    TestsSummary,
    index_page,
    policy_page,
)
from complaint_rules.studio.survey import bases_of, source_text_of
from tests.support import ROOT
from tests.support.graph_policy import SMALL
from tests.support.html_pages import check_self_contained, read_page, section

GRAND_HOTEL = ROOT / "examples" / "hotel_variant" / "grand_hotel_policies"


@pytest.fixture(scope="module")
def with_examples() -> Catalog:
    return Catalog([GRAND_HOTEL])


def rendered(catalog: Catalog, policy_id: str, lang: str = "zh-Hant", **kw: object) -> str:
    policy = catalog.load(policy_id)
    return policy_page(
        policy,
        source_text=source_text_of(policy),
        bases=bases_of(catalog, policy),
        lang=lang,
        **kw,  # type: ignore[arg-type]
    )


def citations(policy: CompiledPolicy) -> Iterator[str]:
    """Every article the policy cites, anywhere."""
    p = policy.policy
    for rule in policy.rules:
        yield rule.rule.article
        for kind in ("routing", *ELEMENT_KINDS, "gaps"):
            for element in getattr(rule.rule, kind):
                if element.article:
                    yield element.article
    for row in p.classification.rows if p.classification else ():
        yield row.article
    for item in p.not_encoded:
        yield item.article
    for clock in p.lifecycle.clocks if p.lifecycle else ():
        yield clock.article


IDS = ["bocom", "cn_banking_baseline", "grand_hotel", "hotel", "keyouqianqi_credit_union"]
IDS += ["shihua_credit_coop", "xx_bank"]


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans", "en"])
@pytest.mark.parametrize("policy_id", IDS)
def test_every_policy_page_is_whole_and_self_contained(
    with_examples: Catalog, policy_id: str, lang: str
) -> None:
    text = rendered(with_examples, policy_id, lang)
    page = read_page(text)
    assert page.lang == lang
    check_self_contained(text, page)
    assert {"main", "nav", "header", "footer", "table"} <= set(page.tags)
    policy = with_examples.load(policy_id)
    if lang == "zh-Hans":
        return  # its labels are converted (below); the ids and anchors are the same
    for rule in policy.rules:
        assert f'id="rule-{rule.rule.id}"' in text, rule.rule.id
    for article in set(citations(policy)):
        assert html.escape(article) in text, article


def test_a_page_is_the_same_bytes_every_time(catalog: Catalog) -> None:
    assert rendered(catalog, "hotel") == rendered(catalog, "hotel")


def test_tables_have_headers_and_sections_are_labelled(catalog: Catalog) -> None:
    text = rendered(catalog, "keyouqianqi_credit_union")
    for table in re.findall(r"<table.*?</table>", text, re.S):
        assert '<th scope="col">' in table
    for ident in re.findall(r'<section id="([^"]+)"', text):
        assert f'aria-labelledby="{ident}-heading"' in text
    assert '<nav class="contents" aria-label="本頁內容">' in text
    assert '<a href="#main" class="skip">跳到內容</a>' in text


# --- the source beside the rules --------------------------------------------------------


def passage_row(text: str, starts: str) -> str:
    """The row of the source table whose passage starts with ``starts``."""
    for match in re.finditer(r'<tr id="(p-\d+)"', text):
        row = section(text, match.group(1))
        cell = re.search(r'<td class="passage"[^>]*>(.*?)</td>', row, re.S)
        assert cell is not None
        if re.sub(r"<[^>]+>", "", cell.group(1)).startswith(starts):
            return row
    raise AssertionError(f"no passage starts with {starts}")


def test_each_rule_stands_beside_the_article_it_encodes(catalog: Catalog) -> None:
    text = rendered(catalog, "keyouqianqi_credit_union")
    article_10 = passage_row(text, "第十條 不同渠道的客戶投訴處理流程")
    for rule in ("flow_in_person", "flow_letter", "flow_media"):
        assert f'id="rule-{rule}"' in article_10
    assert 'id="rule-first_question"' in passage_row(text, "第三條")
    # 第一條 is explained, not encoded: its reason stands beside it, in the page's language.
    assert "目的和法律依據；不對個別投訴作出任何決定。" in passage_row(text, "第一條")
    english = rendered(catalog, "keyouqianqi_credit_union", lang="en")
    assert "Purpose and legal basis" in passage_row(english, "第一條")


def test_descriptions_and_the_title_are_in_the_page_s_language(catalog: Catalog) -> None:
    zh, en = (rendered(catalog, "hotel", lang) for lang in ("zh-Hant", "en"))
    assert "<td>投訴是否需要到現場處理（三、4、1)）。無預設值。</td>" in section(
        zh, "fact-on_site_required"
    )
    assert (
        "<td>Whether the complaint needs handling on the scene (三、4、1)). No default.</td>"
        in section(en, "fact-on_site_required")
    )
    assert "原文沒有說明這是否就是六、2 的公司總經理。" in zh
    assert "The source does not say whether this is the 公司總經理 of 六、2." in en
    assert "<title>酒店（原文沒有寫出酒店名稱；其中的角色是餐廳的角色） — " in zh
    assert "<title>酒店 (the source does not name the hotel; its roles are the restaurant" in en
    # A description that is Chinese only is marked so on an English page.
    assert '<span lang="zh-Hant">二、1 口頭; 三、2、2) 當面投訴.</span>' in en


def test_a_repeated_article_number_is_told_apart_by_its_bracketed_words(
    catalog: Catalog,
) -> None:
    # 1-xx-bank has two articles numbered 第十一條; 第十一條(處罰)二 is the second one's 二.
    text = rendered(catalog, "xx_bank")
    row = section(text, "role-business_staff")
    (target,) = re.findall(r'<a href="#(p-\d+)"[^>]*>第十一條\(處罰\)二</a>', row)
    found = section(text, target)
    assert '<span class="mark">二、</span>營業人員違犯金融法律' in found


def test_an_article_neither_encoded_nor_explained_is_marked(catalog: Catalog) -> None:
    policy = catalog.load("keyouqianqi_credit_union")
    source = (source_text_of(policy) or "") + "\n第九十九條 新條文。\n"
    text = policy_page(policy, source_text=source)
    row = passage_row(text, "第九十九條")
    assert 'class="missing"' in row and "既未編碼,也未說明原因" in row
    # Every other article is covered.
    assert text.count('<span class="flag conflict">既未編碼,也未說明原因</span>') == 1


def test_a_policy_without_its_source_text_lists_its_rules_by_article(catalog: Catalog) -> None:
    text = rendered(catalog, "cn_banking_baseline")
    assert "此政策沒有可顯示的來源文字(docs/sources/regulatory-baseline.md" in text
    by_article = section(text, "source")
    order = re.findall(r"<th scope=\"row\">([^<]+)</th>", by_article)
    numbered = [a for a in order if a.startswith("第")]
    assert numbered == ["第十二條", "第十五條", "第十八條"]  # by number, not by file order
    assert 'id="rule-decision_within_15_days"' in section(text, "source")


def test_rules_of_a_base_with_another_source_are_shown_against_that_source(
    catalog: Catalog,
) -> None:
    text = rendered(catalog, "bocom")
    base = section(text, "layer-cn_banking_baseline-heading")
    assert "cn_banking_baseline" in base
    source = section(text, "source")
    assert 'id="rule-decision_within_15_days"' not in source
    assert 'id="rule-decision_within_15_days"' in text
    # The baseline's 第十八條 is not looked for in 交通銀行's text.
    assert "引用的條文在來源文字中找不到" not in text


def test_a_variant_shows_its_base_rules_beside_the_shared_source(with_examples: Catalog) -> None:
    text = rendered(with_examples, "grand_hotel")
    row = passage_row(text, "3、大堂經理負責統籌")
    assert 'id="rule-lobby_manager_overall"' in row and "來自 hotel" in row
    # Its own amounts are set: the base's blanks are not gaps here.
    hotel = rendered(with_examples, "hotel")
    assert 'id="parameter-deputy_gm_daily_waiver_yuan" class="gap"' in hotel
    assert 'id="parameter-deputy_gm_daily_waiver_yuan" class="gap"' not in text
    assert "500 元" in section(text, "parameter-deputy_gm_daily_waiver_yuan")


# --- tables ----------------------------------------------------------------------------


def test_the_classification_table_reads_as_a_first_match_decision_table(
    catalog: Catalog,
) -> None:
    text = section(rendered(catalog, "keyouqianqi_credit_union"), "classification")
    headers = re.findall(r'<th scope="col">([^<]+)</th>', text)
    assert headers == ["順序", "行", "類別", "→ 級別", "條文"]
    rows = re.findall(r'<tr id="row-([^"]+)"><td>(\d)</td>', text)
    assert rows == [("cls_general", "1"), ("cls_complex", "2")]
    general = section(text, "row-cls_general")
    assert "工作失誤" in general and "一般投訴" in general and "復雜投訴" not in general
    assert "第一個符合條件的行決定投訴的級別" in text
    assert "金融犯罪和匿名投訴既無級別" in text  # the unclassified gap, marked
    assert 'class="flag gap"' in text


def test_routing_is_grouped_by_channel(catalog: Catalog) -> None:
    text = section(rendered(catalog, "keyouqianqi_credit_union"), "routing")
    groups = re.split(r'<th scope="rowgroup"', text)[1:]
    heads = [re.sub(r"<[^>]+>", "", g.split("</th>", 1)[0].split(">", 1)[1]) for g in groups]
    assert heads[0] == "所有渠道(不限渠道的規則)"
    letter = groups[heads.index("信件投訴 letter")]
    assert "rule-flow_letter" in letter and "rule-flow_media" not in letter
    assert "rule-first_question" in groups[0] and "rule-first_question" not in letter
    assert "<svg" in text  # the routing diagram


@pytest.mark.parametrize(
    ("cond", "expected"),
    [
        (None, None),
        ({"major": True}, None),
        ({"channel": "b"}, ["b"]),
        ({"channel": ["c", "a"]}, ["a", "c"]),
        ({"channel": {"not_in": ["a"]}}, ["b", "c"]),
        ({"any": [{"channel": "a"}, {"channel": "c"}]}, ["a", "c"]),
        ({"any": [{"channel": "a"}, {"major": True}]}, None),
        ({"all": [{"channel": ["a", "b"]}, {"channel": ["b", "c"]}]}, ["b"]),
        ({"channel": ["a", "b"], "any": [{"channel": "b"}, {"channel": "c"}]}, ["b"]),
    ],
)
def test_the_channels_a_condition_can_hold_for(cond: object, expected: object) -> None:
    assert pages._channels(cond, ["a", "b", "c"]) == expected  # type: ignore[arg-type]


def test_deadlines_escalations_penalties_and_approvals(catalog: Catalog) -> None:
    text = rendered(catalog, "keyouqianqi_credit_union")
    reply = section(text, "deadline-reply_general")
    assert "3個工作日" in reply and "收到投訴" in reply and "第十一條" in reply
    escalations = section(text, "escalations")
    assert "<svg" in escalations and 'id="escalation-overrun_general"' in escalations
    hotel = rendered(catalog, "hotel")
    approvals = section(hotel, "approvals")
    assert 'class="chain"' in approvals and "未設定(來源空白,機構須設定)" in approvals
    penalties = section(rendered(catalog, "xx_bank"), "penalties")
    assert "200至2000 元" in penalties and "扣減薪酬" in penalties


def test_the_deadlines_say_the_last_day_ends_at_24_00(catalog: Catalog) -> None:
    deadlines = section(rendered(catalog, "keyouqianqi_credit_union"), "deadlines")
    assert "最後一日至二十四時截止(民法典第二百零三條)" in deadlines
    assert "次日零時起逾期" in deadlines
    # A cut-off a source states (here made up for the test) is said instead.
    text = (ROOT / "policies" / "keyouqianqi_credit_union.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "timezone: Asia/Shanghai\n",
        'timezone: Asia/Shanghai\ncalendar: {day_ends_at: "17:00:00"}\n',
    )
    page = policy_page(load_policy_text(text), lang="en")
    assert "this policy's last day is late from 17:00:00." in html.unescape(
        section(page, "deadlines")
    )


def test_gaps_and_conflicts_are_marked(catalog: Catalog) -> None:
    text = section(rendered(catalog, "keyouqianqi_credit_union"), "gaps")
    conflicts = re.findall(r'<tr class="conflict">', text)
    assert len(conflicts) == 3 and text.count("conflicting-duty") == 3
    # lint's sentences in the page's language (the rules' ids and the roles' labels as written)
    assert 'lang="en"' not in text
    assert text.count("規則 ") >= 3 and "交給不同的角色:前者交給" in text
    assert '<tr class="gap">' in text and "第十一條未定金融犯罪或匿名投訴的時限" in text
    assert "沒有互相矛盾的規則" in section(rendered(catalog, "shihua_credit_coop"), "gaps")
    # An English page shows the English the policy keeps for each gap.
    english = section(rendered(catalog, "keyouqianqi_credit_union", lang="en"), "gaps")
    assert "第十一條 sets no time limit for 金融犯罪 or 匿名投訴." in english
    assert "第十一條未定金融犯罪或匿名投訴的時限" not in english


# --- languages ------------------------------------------------------------------------


def test_english_frames_the_policy_s_own_labels(catalog: Catalog) -> None:
    text = rendered(catalog, "keyouqianqi_credit_union", "en")
    assert "The source, article by article, beside the rules" in text
    assert '<span lang="zh-Hant">投訴受理部門</span>' in text
    assert "來源條文" not in text  # no framing word in Chinese


def test_simplified_converts_the_policy_s_words_with_opencc(catalog: Catalog) -> None:
    text = rendered(catalog, "keyouqianqi_credit_union", "zh-hans")
    assert text.startswith('<!DOCTYPE html>\n<html lang="zh-Hans">')
    assert "投诉受理部门" in text and "投訴受理部門" not in text
    assert "来源条文与编码的规则" in text
    assert "已由 OpenCC 自动转换为简体" in text


def test_without_opencc_simplified_keeps_the_traditional_words_and_says_so(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(texts: object) -> list[str]:
        raise MissingExtraError("no OpenCC")

    monkeypatch.setattr(pages, "to_simplified", missing)
    text = rendered(catalog, "keyouqianqi_credit_union", "zh-Hans")
    assert "未安装 OpenCC,政策中的文字以繁体原文显示" in text
    assert '<span lang="zh-Hant">投訴受理部門</span>' in text
    assert "来源条文与编码的规则" in text  # the studio's own words are still Simplified


def test_an_unknown_language_is_refused(catalog: Catalog) -> None:
    with pytest.raises(ValueError, match="zh-Hant, zh-Hans, en"):
        policy_page(catalog.load("hotel"), lang="fr")


# --- links and the index --------------------------------------------------------------


def test_a_server_s_links(catalog: Catalog) -> None:
    links = Links(
        index=None,
        policy=lambda i: f"/policies/{i}",
        language=lambda lang: f"?lang={lang}",
    )
    text = rendered(catalog, "bocom", links=links)
    assert 'href="/policies/cn_banking_baseline"' in text
    assert 'href="?lang=en"' in text and 'aria-current="page"' in text
    assert "返回政策一覽" not in text
    # In a Simplified page each language keeps its own name.
    simplified = rendered(catalog, "bocom", "zh-Hans", links=links)
    assert '<a href="?lang=zh-Hant" lang="zh-Hant" hreflang="zh-Hant">繁體中文</a>' in simplified
    assert '<strong lang="zh-Hans" aria-current="page">简体中文</strong>' in simplified
    assert "<!--" not in simplified


def test_the_index_lists_each_policy_with_its_state(catalog: Catalog) -> None:
    statuses = [
        PolicyStatus(
            "hotel",
            "policies/hotel.yaml",
            catalog.load("hotel"),
            tests=TestsSummary("policies/hotel.tests.yaml", 14, 14, 0),
        ),
        PolicyStatus(
            "xx_bank",
            "policies/xx_bank.yaml",
            catalog.load("xx_bank"),
            tests=TestsSummary("policies/xx_bank.tests.yaml", 12, 10, 2),
        ),
        PolicyStatus("cn_banking_baseline", None, catalog.load("cn_banking_baseline")),
        PolicyStatus("broken", "broken.yaml", problems=("broken.yaml:3: id: <script> & co",)),
    ]
    text = index_page(statuses)
    page = read_page(text)
    check_self_contained(text, page)
    hotel = section(text, "policy-hotel")
    assert 'href="hotel.html"' in hotel and "14/14 通過" in hotel  # the summary given above
    assert catalog.load("hotel").sha256[:12] in hotel and "2026.5" in hotel
    assert "2 個失敗(共 12 個)" in section(text, "policy-xx_bank")
    base = section(text, "policy-cn_banking_baseline")
    assert "基礎層(不單獨使用)" in base and "沒有測試檔案" in base
    broken = section(text, "policy-broken")
    assert "href=" not in broken and "未通過" in broken
    assert "&lt;script&gt; &amp; co" in broken
    assert "政策一覽" in index_page([], lang="zh-Hant") and "No policies." in index_page(
        [], lang="en"
    )


# --- a hostile policy -----------------------------------------------------------------

HOSTILE = '<script>alert("x")</script>&amp;'


def test_whatever_a_policy_says_stays_text(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    text = SMALL.replace("title: 小辦法", f"title: '{HOSTILE}'")
    text = text.replace("label: 櫃面}", "label: '櫃面 <img src=x onerror=alert(1)>'}")
    text = text.replace("article: 第一條", "article: '第一條 \"><b>'")
    path = tmp_path / "small.yaml"
    path.write_text(text, encoding="utf-8")
    policy = load_policy(path)
    page_text = policy_page(policy, source_text="第一條 <i>原文</i>\n第二條 其他")
    page = read_page(page_text)
    check_self_contained(page_text, page)
    assert "<script" not in page_text and "<img" not in page_text and "<b>" not in page_text
    assert "<i>" not in page_text
    assert HOSTILE in "".join(page.text)


def test_the_example_of_docs_workbench_runs() -> None:
    doc = (ROOT / "docs" / "workbench.md").read_text(encoding="utf-8")
    (code,) = re.findall(r"```python\n(.*?)```", doc, re.S)
    scope: dict[str, object] = {}
    exec(compile(code, "docs/workbench.md", "exec"), scope)
    assert str(scope["page"]).startswith('<!DOCTYPE html>\n<html lang="en">')
    assert 'href="/"' in str(scope["page"]) and 'href="?lang=zh-Hant"' in str(scope["page"])
    assert "16/16 passed" in str(scope["index"])
    assert str(scope["svg"]).startswith('<svg class="diagram"')


def test_a_page_shows_the_policys_texts_in_its_language_where_given() -> None:
    from tests.support.policy_texts import mini_with_texts

    policy = load_policy_text(mini_with_texts(), file="mini.yaml")
    en = policy_page(policy, lang="en")
    assert "The article sets no time for the follow-up visit." in en
    assert "本條未定回訪時間" not in en
    assert "<td>Reply</td>" in en and '<code class="id">reply</code> Reply:' in en
    assert "<code>fines</code> Fines · " in en
    assert '<a href="#role-head">Head <code class="id">head</code>' in en
    # A text with no English falls back to the policy's own language, marked as such.
    assert '<code class="id">up</code> <span lang="zh-Hant">上報</span>:' in en
    zh = policy_page(policy, lang="zh-Hant")
    assert "本條未定回訪時間。" in zh and '<code class="id">reply</code> 回復客戶:' in zh
    assert "The article sets no time" not in zh and "Reply" not in zh

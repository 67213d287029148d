"""The unseen-site eval's report keeps its test split a test split: counted, never listed."""

from __future__ import annotations

from eval.unseen_eval import markdown, sealed


def _split(question: str) -> dict:
    metrics = {
        "answerable": 1,
        "unanswerable": 0,
        "correct_and_cited": 0.0,
        "cited": 0.0,
        "answerable_declined": 1.0,
        "declined": 0.0,
        "wrongly_answered": 1.0,
        "mean_answer_chars": 0.0,
    }
    detail = {
        "question": question,
        "answer": "I'm sorry.",
        "sources": [],
        "declined": True,
        "score": 0.2,
        "correct_and_cited": False,
    }
    return {"metrics": metrics, "details": [detail]}


REPORT = {
    "sites": {"shop": {"splits": {"dev": _split("dev question?"), "test": _split("test q?")}}},
    "overall": {},
    "targets": {},
    "seconds": 1.0,
}


def test_the_report_lists_dev_misses_and_only_counts_test_misses():
    text = markdown(REPORT)

    assert "dev question?" in text
    assert "test q?" not in text
    assert "| shop | test | 1 | 0 | 0.0 |" in text  # its scores are there
    assert "test q?" in markdown(REPORT, show_test=True)


def test_the_json_report_drops_the_test_splits_questions_and_answers():
    out = sealed(REPORT)

    assert out["sites"]["shop"]["splits"]["test"] == {
        "metrics": REPORT["sites"]["shop"]["splits"]["test"]["metrics"],
        "sealed": True,
    }
    assert out["sites"]["shop"]["splits"]["dev"] == REPORT["sites"]["shop"]["splits"]["dev"]
    assert "details" in REPORT["sites"]["shop"]["splits"]["test"]  # the run's own copy intact


def test_a_site_without_a_test_file_is_asked_its_dev_split_only(tmp_path, monkeypatch):
    import eval.unseen_eval as unseen

    (tmp_path / "shop.dev.yaml").write_text("answerable: []\n", encoding="utf-8")
    (tmp_path / "cafe.dev.yaml").write_text("answerable: []\n", encoding="utf-8")
    (tmp_path / "cafe.test.yaml").write_text("answerable: []\n", encoding="utf-8")
    monkeypatch.setattr(unseen, "QUESTIONS", tmp_path)

    assert unseen.site_splits("shop", ("dev", "test")) == ["dev"]
    assert unseen.site_splits("cafe", ("dev", "test")) == ["dev", "test"]


def test_the_overall_figures_count_only_the_sites_that_have_the_split():
    from eval.unseen_eval import _overall

    dev_only = {"splits": {"dev": _split("a?")}}
    both = {"splits": {"dev": _split("b?"), "test": _split("c?")}}
    report = {"sites": {"shop": dev_only, "cafe": both}}

    assert _overall(report, "test")["answerable"] == 1
    assert _overall(report, "dev")["answerable"] == 2

"""The scale benchmark runs end to end in its CI size and reports every figure (no timing asserted)."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEYS = [
    "import_articles_per_s",
    "writer_articles_per_s",
    "engine_articles_per_s_per_core",
    "search_p50_ms",
    "search_p95_ms",
    "start_first_paint_s",
    "rss_mb",
    "db_mb",
    "fzf_ratio",
    "open_article_ms",
    "key_wait_max_ms",
    "speaker_view_ms",
    "search_first_ms",
    "painted_p50_ms",
    "painted_p95_ms",
]


def test_quick_benchmark_prints_one_json_object_with_every_figure(tmp_path):
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench.py"), "--quick", "--keep", str(tmp_path / "work")],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    last = out.stdout.strip().splitlines()[-1]
    result = json.loads(last)
    assert isinstance(result, dict)
    for key in KEYS:
        assert key in result, key
    for key in ("import_articles_per_s", "writer_articles_per_s", "engine_articles_per_s_per_core",
                "search_p50_ms", "search_p95_ms", "db_mb"):
        assert isinstance(result[key], (int, float)) and result[key] > 0, (key, result[key])
    assert result["search_p50_ms"] <= result["search_p95_ms"]
    assert result["keystrokes"] > 50
    assert result["articles"] == 300 and result["quotes"] > 0
    # The app and fzf may be missing from the tree or the machine: then null, else positive.
    for key in ("start_first_paint_s", "rss_mb", "fzf_ratio"):
        assert result[key] is None or result[key] > 0, (key, result[key])
    # The app's waits: the largest article and speaker were added and opened, search was typed into.
    assert result["timing_error"] is None and result["painted_error"] is None, (result["timing_error"], result["painted_error"])
    for key in ("open_article_ms", "key_wait_max_ms", "speaker_view_ms", "search_first_ms", "painted_p50_ms", "painted_p95_ms"):
        assert isinstance(result[key], (int, float)) and result[key] > 0, (key, result[key])
    assert result["painted_p50_ms"] <= result["painted_p95_ms"]
    assert result["speaker_view_count"] == result["speaker_quotes"] == 600
    # The searches the issue names find their targets.
    assert any("Lavrov" in h for h in result["found"]["lavorv"])
    assert any("Bayramov" in h for h in result["found"]["bayr"])
    assert any("aspian summit" in h for h in result["found"]["caspian summt"])

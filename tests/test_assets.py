"""Reading asset files: Pillow header, byte size, confinement, LFS pointers, damaged files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from campaignlint import assets

EXAMPLE = Path(__file__).parent / "data" / "examples" / "v2"


def make_png(path: Path, width: int, height: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (width, height), (200, 120, 40)).save(path, "PNG")
    return path


def test_reads_the_example_image_with_pillow():
    found = assets.read_asset("visuels/bandeau-800x400.png", EXAMPLE, EXAMPLE)
    assert found.outcome == assets.OK
    assert (found.width, found.height, found.image_format) == (800, 400, "PNG")
    assert found.size == (EXAMPLE / "visuels" / "bandeau-800x400.png").stat().st_size


def test_tiny_generated_jpeg_and_png(tmp_path):
    make_png(tmp_path / "a.png", 3, 2)
    Image.new("RGB", (5, 7)).save(tmp_path / "b.jpg", "JPEG")
    assert (assets.read_asset("a.png", tmp_path, tmp_path).width, ) == (3,)
    jpeg = assets.read_asset("b.jpg", tmp_path, tmp_path)
    assert (jpeg.width, jpeg.height, jpeg.image_format) == (5, 7, "JPEG")


def test_urls_are_never_fetched(tmp_path):
    assert assets.read_asset("https://cdn.example/a.jpg", tmp_path, tmp_path).outcome == assets.REMOTE


def test_missing_and_outside(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    make_png(tmp_path / "secret.png", 2, 2)
    assert assets.read_asset("absent.png", project, project).outcome == assets.MISSING
    assert assets.read_asset("../secret.png", project, project).outcome == assets.OUTSIDE


def test_symlink_out_of_the_project_is_outside(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    make_png(tmp_path / "secret.png", 2, 2)
    try:
        (project / "link.png").symlink_to(tmp_path / "secret.png")
    except OSError:
        pytest.skip("no symlinks here")
    assert assets.read_asset("link.png", project, project).outcome == assets.OUTSIDE


def test_git_lfs_pointer_is_named(tmp_path):
    (tmp_path / "big.png").write_text(
        "version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 123456\n", encoding="ascii")
    found = assets.read_asset("big.png", tmp_path, tmp_path)
    assert found.outcome == assets.LFS_POINTER and "Git LFS" in found.detail


def test_damaged_image_is_unreadable_not_a_crash(tmp_path):
    (tmp_path / "bad.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    (tmp_path / "text.jpg").write_text("pas une image", encoding="utf-8")
    assert assets.read_asset("bad.png", tmp_path, tmp_path).outcome == assets.UNREADABLE
    assert assets.read_asset("text.jpg", tmp_path, tmp_path).outcome == assets.UNREADABLE
    assert assets.read_asset(".", tmp_path, tmp_path).outcome == assets.UNREADABLE


def test_decompression_bomb_guard_is_kept(tmp_path, monkeypatch):
    make_png(tmp_path / "wide.png", 40, 40)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)
    found = assets.read_asset("wide.png", tmp_path, tmp_path)
    assert found.outcome == assets.UNREADABLE and "safety limit" in found.detail


def test_video_is_not_opened_only_sized(tmp_path):
    (tmp_path / "clip.mp4").write_bytes(b"\x00" * 1000)
    found = assets.read_asset("clip.mp4", tmp_path, tmp_path, image=False)
    assert (found.outcome, found.size, found.width) == (assets.OK, 1000, None)


def test_soft_width_bounds_read_the_file_pixels(tmp_path):
    """A005: where nothing is declared, the file's real width is held against the placement's `recommend width`."""
    from campaignlint.engine import Linter, Options

    make_png(tmp_path / "visuels" / "etroit.png", 400, 200)
    make_png(tmp_path / "visuels" / "bandeau.png", 800, 400)
    (tmp_path / "campaignlint.toml").write_text("", encoding="utf-8")
    message = ('  message {name} {{ channel email; at 2026-12-02 10:00; sender "Le Fournil"; subject "Nos bûches"; '
               'body "Nos bûches"; image "visuels/{file}" {{ alt "Bûche tranchée" }} }}\n')
    path = tmp_path / "noel.camp"
    path.write_text("campaign noel {\n  period 2026-12-01 .. 2026-12-31\n" + message.format(name="a", file="etroit.png")
                    + message.format(name="b", file="bandeau.png") + "}\n", encoding="utf-8")
    findings = Linter(Options(select=["A005"]), cwd=tmp_path).lint_file(path)
    assert [(f.range.start_line, f.severity.value) for f in findings] == [(3, "warning")]
    assert "the image is 400 px wide; email recommends from 600 to 1200 px" in findings[0].message

"""What editors and CI run besides the checker: the YAML declares its schema, the workflow
and Dependabot's configuration are valid, every action is pinned by commit, the install
is hash-locked, and pre-commit runs the checker offline."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import DATA, REAL_DATA, ROOT
from tests.site_helpers import MAKE_PARTS

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
DEPENDABOT = ROOT / ".github" / "dependabot.yml"


def check_jsonschema(schema: str, path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
                          capture_output=True, text=True, timeout=120)


def test_the_data_declares_its_schema_for_editors():
    first = REAL_DATA.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=timeline.schema.json"
    schema = json.loads((DATA / "timeline.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_workflow_is_a_valid_github_workflow():
    result = check_jsonschema("vendor.github-workflows", WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_would_catch_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "runs_on:", 1), encoding="utf-8")
    assert check_jsonschema("vendor.github-workflows", broken).returncode == 1


def test_dependabot_s_configuration_is_valid_and_covers_pip_actions_and_the_audits_npm_lock(tmp_path):
    result = check_jsonschema("vendor.dependabot", DEPENDABOT)
    assert result.returncode == 0, result.stdout + result.stderr
    import yaml

    updates = yaml.safe_load(DEPENDABOT.read_text(encoding="utf-8"))["updates"]
    assert {u["package-ecosystem"] for u in updates} == {"pip", "github-actions", "npm"}
    (npm,) = [u for u in updates if u["package-ecosystem"] == "npm"]
    assert npm["directory"] == "/tests/audit" and (ROOT / "tests" / "audit" / "package-lock.json").is_file()
    # Lighthouse 13 needs Node 22, which CI's Debian does not have: its major updates are ignored.
    assert {"dependency-name": "lighthouse", "update-types": ["version-update:semver-major"]} in npm["ignore"]
    broken = tmp_path / "dependabot.yml"
    broken.write_text(DEPENDABOT.read_text(encoding="utf-8").replace("interval: weekly", "interval: fortnightly", 1), encoding="utf-8")
    assert check_jsonschema("vendor.dependabot", broken).returncode == 1


def test_every_action_is_pinned_to_a_commit_with_its_release_noted():
    import re

    uses = re.findall(r"^\s*(?:- )?uses: (\S+)(.*)$", WORKFLOW.read_text(encoding="utf-8"), re.M)
    assert len(uses) >= 5
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r" # v\d+\.\d+\.\d+", comment), (action, comment)


@pytest.mark.parametrize("name, least", [("requirements.txt", 50), ("requirements-installer.txt", 1)])
def test_the_install_is_hash_locked(name, least):
    lock = (ROOT / name).read_text(encoding="utf-8")
    pins = re.findall(r"^([A-Za-z0-9_.-]+)==(\S+) \\$", lock, re.M)
    assert len(pins) >= least
    blocks = [b for b in re.split(r"\n(?=[A-Za-z0-9_.-]+==)", lock) if re.match(r"[A-Za-z0-9_.-]+==", b)]
    assert len(blocks) == len(pins) and all("--hash=sha256:" in block for block in blocks)
    # This machine's own index and wheel folders must never reach the file.
    assert "file://" not in lock and "--find-links" not in lock and "--index-url" not in lock and "/opt/" not in lock


def test_make_installs_only_from_the_locks_with_their_hashes():
    """pip installs uv from its lock and uv the project's packages from theirs, each told to
    require a hash for every file (--require-hashes), so that neither takes a file the lock
    does not name."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "LOCK := requirements.txt" in makefile and "INSTALLER := requirements-installer.txt" in makefile
    recipe = re.search(r"^\$\(STAMP\):\n((?:\t.*\n)+)", makefile, re.M).group(1)
    installs = [line.strip() for line in recipe.splitlines() if " install " in line]
    assert installs == ["$(VENV)/bin/pip install --quiet --require-hashes -r $(INSTALLER)",
                        "$(VENV)/bin/uv pip install --quiet --python $(VENV)/bin/python --require-hashes -r $(LOCK)"]


def test_the_workflow_runs_the_checker_tests_and_a_strict_build():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "make check FORMAT=github" in text and "bash .ci/run" in text and "make build" in text
    assert "actions/deploy-pages" in text and "github.ref == 'refs/heads/main'" in text


def test_the_published_build_takes_its_address_from_pages_and_only_on_main():
    """configure-pages gives the Pages address (its base_url), needs `pages: read`, and fails
    on forks and pull requests: it runs on pushes to main alone, and every other build has
    no address (SITE_URL empty: the site at the root). The tests never get one."""
    import yaml

    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    steps = jobs["build"]["steps"]
    (pages,) = [s for s in steps if s.get("uses", "").startswith("actions/configure-pages@")]
    assert pages["uses"] == "actions/configure-pages@983d7736d9b0ae728b81ab479565c72886d7745b"
    assert pages["if"] == "github.ref == 'refs/heads/main' && github.event_name == 'push'"
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    (build,) = [s for s in steps if s.get("run") == "make build"]
    assert build["env"] == {"SITE_URL": "${{ steps.%s.outputs.base_url }}" % pages["id"]}
    assert steps.index(pages) < steps.index(build)
    assert "SITE_URL" not in str(jobs["test"]) and "SITE_URL" not in str(jobs["check"])
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_url: !ENV [SITE_URL, null]" in config and "public_url" not in config


def test_the_audits_lighthouse_is_pinned_exactly_and_locked():
    package = json.loads((ROOT / "tests" / "audit" / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "tests" / "audit" / "package-lock.json").read_text(encoding="utf-8"))
    pinned = package["devDependencies"]["lighthouse"]
    assert re.fullmatch(r"12\.\d+\.\d+", pinned), "an exact Lighthouse 12 release (13 needs Node 22)"
    assert lock["packages"][""]["devDependencies"] == package["devDependencies"]
    assert lock["packages"]["node_modules/lighthouse"]["version"] == pinned
    entries = [entry for name, entry in lock["packages"].items() if name]
    assert entries and all(entry.get("integrity", "").startswith("sha512-") for entry in entries)
    # Like the Python lock: nothing of this machine's own registry or folders.
    assert "file:" not in json.dumps(lock) and all("resolved" not in e or e["resolved"].startswith("https://registry.npmjs.org/") for e in entries)


def _git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"})


def pre_commit_repo(tmp_path: Path) -> Path:
    """A fresh repository holding the project's data, checker and hook configuration."""
    repo = tmp_path / "repo"
    for part in ("data", "scripts"):
        shutil.copytree(ROOT / part, repo / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / ".pre-commit-config.yaml", repo / ".pre-commit-config.yaml")
    # The hook runs the project's environment, which `make test` has just made.
    (repo / ".venv" / "bin").mkdir(parents=True)
    wrapper = repo / ".venv" / "bin" / "python"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    wrapper.chmod(0o755)
    (repo / ".gitignore").write_text(".venv/\n")
    _git("init", "-q", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-q", "-m", "data", cwd=repo)
    return repo


def run_pre_commit(repo: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=repo, env=env, capture_output=True, text=True, timeout=300)


def test_pre_commit_passes_on_the_real_data(tmp_path):
    result = run_pre_commit(pre_commit_repo(tmp_path), tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "check the timeline data against its source" in result.stdout and "Passed" in result.stdout


def test_pre_commit_fails_on_bad_data(tmp_path):
    repo = pre_commit_repo(tmp_path)
    path = repo / "data" / "timeline.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 744", "value: 745"), encoding="utf-8")
    result = run_pre_commit(repo, tmp_path)
    assert result.returncode == 1
    assert "F600" in result.stdout and "Failed" in result.stdout


def test_make_hooks_installs_the_hook_as_the_readme_says(tmp_path):
    """`make hooks`, as the README writes it, in a fresh repository: a commit of bad data is
    stopped with the checker's message, a commit of good data goes through."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`make hooks`" in readme
    repo = pre_commit_repo(tmp_path)
    for part in MAKE_PARTS:
        shutil.copy2(ROOT / part, repo / part)
    shutil.rmtree(repo / ".venv")
    (repo / ".venv").symlink_to(sys.prefix)  # the environment `make` made, stamp included
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PRE_COMMIT_COLOR": "never",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    installed = subprocess.run(["make", "hooks"], cwd=repo, env=env, capture_output=True, text=True, timeout=120)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert (repo / ".git" / "hooks" / "pre-commit").exists()
    path = repo / "data" / "timeline.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("value: 744", "value: 745"), encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    refused = subprocess.run(["git", "commit", "-m", "bad"], cwd=repo, env=env, capture_output=True, text=True, timeout=120)
    assert refused.returncode != 0 and "F600" in refused.stdout + refused.stderr
    path.write_text(good.replace("title: The war of 2020", "title: The 2020 war"), encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    accepted = subprocess.run(["git", "commit", "-m", "good"], cwd=repo, env=env, capture_output=True, text=True, timeout=120)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


@pytest.mark.parametrize("before, after, code", [
    ("title: The war of 2020", "title: The war #2 of 2020", "Y109"),
    ("title: The war of 2020", "title: &war The war of 2020", "Y103"),
    ("title: The war of 2020", "title: !!str The war of 2020", "Y104"),
], ids=["comment-cuts-a-title", "lone-anchor", "explicit-tag"])
def test_pre_commit_stops_what_yaml_would_lose(tmp_path, before, after, code):
    repo = pre_commit_repo(tmp_path)
    path = repo / "data" / "timeline.yaml"
    text = path.read_text(encoding="utf-8")
    assert before in text
    path.write_text(text.replace(before, after, 1), encoding="utf-8")
    result = run_pre_commit(repo, tmp_path)
    assert result.returncode == 1 and code in result.stdout and "Failed" in result.stdout

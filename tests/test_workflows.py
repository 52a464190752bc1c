"""The GitHub workflows: every command they run exists, and untrusted code never gets write power."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from cable2md.cli import build_parser
from tests.helpers import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PINNED_RE = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}$")


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def _steps(workflow: dict):
    for name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield name, job, step


def _make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w-]*):", text, re.M))


def test_there_are_ci_and_deploy_workflows():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "deploy.yml", "pr-comment.yml"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_command_exists(path):
    targets = _make_targets()
    subcommands = set(build_parser()._subparsers._group_actions[0].choices)
    checked = 0
    workflow = _load(path)
    if "workflow_run" in workflow["on"]:
        return  # it runs no command at all (test_a_workflow_run_job_runs_no_pull_request_code)
    for _, _, step in _steps(workflow):
        for command in re.split(r"[\n;|&]+", step.get("run", "")):
            words = shlex.split(command.strip(), posix=True) if command.strip() else []
            for position, word in enumerate(words):
                if word == "make":
                    target = words[position + 1]
                    assert target in targets, f"{path.name}: make {target} is not a Makefile target"
                    checked += 1
                if word.endswith("cable2md") and position + 1 < len(words):
                    assert words[position + 1] in subcommands, (
                        f"{path.name}: cable2md {words[position + 1]}"
                    )
                    checked += 1
                if word.startswith(".venv/bin/"):
                    tool = word.removeprefix(".venv/bin/")
                    assert tool in {"cable2md", "linkchecker", "mkdocs", "python", "pytest"}, tool
    assert checked, f"{path.name} runs no make target or cable2md command"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_untrusted_code_never_gets_write_power(path):
    workflow = _load(path)
    text = path.read_text(encoding="utf-8")
    assert "pull_request_target" not in text
    assert "workflow_run" not in text or path.name == "pr-comment.yml"
    assert workflow["permissions"] == {"contents": "read"}
    for name, _job, step in _steps(workflow):
        uses = step.get("uses")
        if uses:
            assert PINNED_RE.match(uses), f"{path.name}/{name}: {uses} is not pinned to a commit"
        if "secrets." in str(step):
            # Only the object-store sync of a deploy from main reads a secret, and runs
            # nothing but the publish command with it.
            assert path.name == "deploy.yml" and "pull_request" not in workflow["on"], name
            assert "cable2md publish" in step["run"] and "secrets." not in step["run"], name
        if "actions/checkout" in (uses or ""):
            assert step.get("with", {}).get("persist-credentials") is False, f"{path.name}/{name}"
    for name, job in workflow["jobs"].items():
        granted = job.get("permissions", {})
        writes = {scope for scope, level in granted.items() if level == "write"}
        if writes and path.name == "pr-comment.yml":
            assert writes == {"pull-requests"}, f"{path.name}/{name}: {writes}"
        elif writes:
            # Only a job that checks out nothing and runs no shell may hold write scopes.
            assert writes <= {"pages", "id-token"}, f"{path.name}/{name}: {writes}"
            assert path.name == "deploy.yml" and "pull_request" not in workflow["on"]
            assert all(
                "run" not in step and "checkout" not in step.get("uses", "")
                for step in job["steps"]
            )


def test_deploys_never_race():
    deploy = _load(ROOT / ".github" / "workflows" / "deploy.yml")
    assert deploy["concurrency"]["cancel-in-progress"] is False
    assert set(deploy["on"]) <= {"push", "workflow_dispatch"}


def test_only_pull_requests_cancel_a_run_in_progress():
    ci = _load(ROOT / ".github" / "workflows" / "ci.yml")
    assert ci["concurrency"]["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"


def test_deploys_never_run_in_forks():
    deploy = _load(ROOT / ".github" / "workflows" / "deploy.yml")
    for name, job in deploy["jobs"].items():
        assert "!github.event.repository.fork" in job["if"], name


def test_changed_cables_are_listed_with_nul_separators():
    run = next(
        step["run"] for _, _, step in _steps(_load(ROOT / ".github" / "workflows" / "ci.yml"))
        if "changed-cables.txt" in step.get("run", "")
    )  # fmt: skip
    assert "git diff -z --name-only" in run and "xargs -0 " in run


def test_tests_run_on_the_oldest_and_newest_python():
    ci = _load(ROOT / ".github" / "workflows" / "ci.yml")
    assert ci["jobs"]["test"]["strategy"]["matrix"]["python"] == ["3.11", "3.13"]


def test_dependabot_updates_actions_and_pip():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {u["package-ecosystem"] for u in config["updates"]} == {"github-actions", "pip"}


def test_the_contributor_s_check_needs_only_the_python_install():
    """`make check` (CONTRIBUTING's loop) depends on the virtual environment alone: no apt
    package, no browser, no npm tool."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    rules = dict(re.findall(r"^([^\s:#]+):([^\n=]*)$", text, re.M))
    assert rules["check"].split() == ["$(STAMP)"]
    install = text[text.index("$(STAMP): pyproject.toml") :].split("\n\n", 1)[0]
    # (apt-get there only adds python3-venv to a Debian Python that lacks it)
    assert "system-deps" not in install and "npm" not in install and "chromium" not in install
    assert (
        "apt-get install -y -qq python3-venv" in install and install.count("apt-get install") == 1
    )


def test_a_workflow_run_job_runs_no_pull_request_code():
    """The comment job holds a write token, so it checks out nothing, runs no shell and
    executes nothing from the artifact it reads: only pinned actions, the artifact as text."""
    path = ROOT / ".github" / "workflows" / "pr-comment.yml"
    workflow = _load(path)
    assert set(workflow["on"]) == {"workflow_run"}
    for name, job, step in _steps(workflow):
        assert "run" not in step, name
        assert "checkout" not in step.get("uses", ""), name
        assert job["if"] == "${{ github.event.workflow_run.event == 'pull_request' }}"
    script = next(
        s["with"]["script"] for _, _, s in _steps(workflow) if "github-script" in s["uses"]
    )
    assert "readFileSync" in script and not re.search(r"\b(eval|exec|require\(\s*[^\"])", script)
    assert "Number.isInteger(number)" in script  # the artifact's pull request number is checked


def test_the_deploy_builds_the_shards_in_a_matrix_and_merges_them_once():
    jobs = _load(ROOT / ".github" / "workflows" / "deploy.yml")["jobs"]

    def runs(job: str) -> str:
        return "\n".join(step.get("run", "") for step in jobs[job]["steps"])

    assert "cable2md site cables --work work --pages-only --strict" in runs("pages")
    assert "shards.json" in runs("pages") and jobs["pages"]["outputs"]["shards"]
    matrix = jobs["shard"]["strategy"]["matrix"]["shard"]
    assert matrix == "${{ fromJSON(needs.pages.outputs.shards) }}"
    assert "--shard ${{ matrix.shard }}" in runs("shard")
    assert set(jobs["publish"]["needs"]) == {"pages", "shard"}
    assert "--merge -d site" in runs("publish")
    # the shards' artifacts land in work/shard-N, where the merge looks for them
    downloads = [step["with"] for step in jobs["publish"]["steps"] if "download-artifact" in step.get("uses", "")]  # fmt: skip
    assert {"pattern": "shard-*", "path": "work"} in downloads
    uploads = [step["with"] for step in jobs["shard"]["steps"] if "upload-artifact" in step.get("uses", "")]  # fmt: skip
    assert uploads[0]["name"] == "shard-${{ matrix.shard }}"
    assert uploads[0]["path"] == "work/shard-${{ matrix.shard }}"

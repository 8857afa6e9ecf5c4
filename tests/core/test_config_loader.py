"""The YAML configuration: the shipped default loads; every mistake is named at line:col."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from leadline.core.config.loader import (
    ConfigError,
    Problem,
    format_problems,
    load_config,
    parse_config,
    problems_for,
)
from leadline.core.config.model import Config, FollowUp, Quota, Section, StopThen

SAMPLE_CONFIG = Path(__file__).parents[2] / "sample_data" / "config.yaml"

# Two valid stages on lines 1-3; cases below add their mistake from line 4 on.
STAGES = """\
stages:
  - {key: lead, name: Lead, section: above, probability: 0.1}
  - {key: demo, name: Demo, section: in, probability: 0.5, meeting: true}
"""


def stage(fields: str) -> str:
    """A config whose only stage is the block mapping `fields` (from line 2, col 5)."""
    return "stages:\n  - " + fields.replace("\n", "\n    ") + "\n"


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "config.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    return [str(problem) for problem in raised.value.problems]


def case(name: str, text: str, where: str, fragment: str, count: int = 1) -> Any:
    """One bad file: the problem expected at `where` (line:col), and how many in all."""
    return pytest.param(text, where, fragment, count, id=name)


# fmt: off
BAD = [
    # YAML syntax
    case("syntax-indent", STAGES + "follow_up:\n  soon_days: 3\n   busy_work_touches: 6\n", "6:21",
         "YAML syntax error: mapping values are not allowed here"),
    case("syntax-tab", "stages:\n\t- {key: lead}\n", "2:1",
         "YAML syntax error: found character '\\t'"),
    case("syntax-unclosed", STAGES + "outcomes: [won, lost\nbackups: 3\n", "5:8",
         "expected ',' or ']'"),
    case("two-documents", STAGES + "---\nbackups: 3\n", "4:1", "expected a single document"),
    case("control-char", STAGES + "currency: E\x07UR\n", "4:12", "character #x0007 is not allowed"),
    case("empty-file", "# only a comment\n", "1:1", "the file is empty; 'stages' is required"),
    case("root-is-list", "- lead\n- demo\n", "1:1", "must be a mapping of keys, got a list"),
    # keys
    case("duplicate-top-key", STAGES + "backups: 3\nbackups: 4\n", "5:1",
         "duplicate key 'backups' (first at line 4)"),
    case("duplicate-stage-field", stage("key: lead\nname: Lead\nname: Other\nsection: in\n"
         "probability: 0.1"), "4:5", "duplicate key 'name' (first at line 3)"),
    case("unknown-top-key", STAGES + "backup: 3\n", "4:1",
         "unknown key 'backup'; did you mean 'backups'?"),
    case("stages-misspelt", "stagse:\n  - {key: lead, name: Lead, section: in, probability: 0.1}\n",
         "1:1", "unknown key 'stagse'; did you mean 'stages'?", count=2),
    case("unknown-stage-key", stage("key: lead\nname: Lead\nsection: in\nprobability: 0.1\n"
         "ton: hot"), "6:5", "unknown key 'ton'; did you mean 'tone'?"),
    case("unknown-nested-key", STAGES + "follow_up:\n  stop_folowing: {then: dead}\n", "5:3",
         "did you mean 'stop_following'?"),
    case("key-read-as-bool", STAGES + "yes: 1\n", "4:1", "key 'yes' is read as true; quote it"),
    case("missing-stages", "backups: 3\n", "1:1", "missing required key 'stages'"),
    case("missing-stage-name", stage("key: lead\nsection: in\nprobability: 0.1"), "2:5",
         "missing required key 'name'"), # types
    case("probability-text", stage("key: lead\nname: Lead\nsection: in\nprobability: high"), "5:18",
         "probability must be a number, got the text 'high'"),
    case("backups-fraction", STAGES + "backups: 2.5\n", "4:10",
         "backups must be a whole number, got the number 2.5"),
    case("quoted-number", STAGES + "normal_sales_cycle_days: '60'\n", "4:26",
         "must be a whole number, got the text '60'"),
    case("quoted-flag", STAGES + "backups: 3\nfollow_up: {soon_days: true}\n", "5:24",
         "soon_days must be a whole number, got true"),
    case("meeting-text", stage("key: lead\nname: Lead\nsection: in\nprobability: 0.1\n"
         "meeting: 'yes'"), "6:14", "meeting must be true or false, got the text 'yes'"),
    case("stages-mapping", "stages: {key: lead}\n", "1:9", "stages must be a list, got a mapping"),
    case("stages-empty", "stages: []\n", "1:9", "stages must list at least one stage"),
    case("name-empty", stage("key: lead\nname:\nsection: in\nprobability: 0.1"), "3:10",
         "name has no value"),
    case("qualification-not-list", STAGES + "qualification: Can afford it\n", "4:16",
         "qualification must be a list, got 'Can afford it'"),
    case("qualification-mapping-item", STAGES + "qualification: [Budget, {Can afford: it}]\n",
         "4:25", "qualification must be text, got a mapping"),
    case("qualification-number-item", STAGES + "qualification: [Budget, 3]\n", "4:25",
         "qualification '3' is read as the number 3; quote it"),
    case("qualification-twice", STAGES + "qualification: [Budget, Authority, Budget]\n", "4:36",
         "'Budget' is listed twice in qualification (first at line 4)"),
    case("python-tag-refused", STAGES + "currency: !!python/object/apply:os.getcwd []\n", "4:11",
         "tag 'tag:yaml.org,2002:python/object/apply:os.getcwd' is not supported"),
    # YAML 1.1 traps where text is expected
    case("channel-NO", STAGES + "follow_up: {default_channel: NO}\n", "4:30",
         "default_channel 'NO' is read as false; quote it"),
    case("name-no", stage("key: lead\nname: no\nsection: in\nprobability: 0.1"), "3:11",
         "name 'no' is read as false; quote it"),
    case("tone-on", stage("key: lead\nname: Lead\nsection: in\nprobability: 0.1\ntone: on"), "6:11",
         "tone 'on' is read as true; quote it"),
    case("name-float", stage("key: lead\nname: 1.5e+3\nsection: in\nprobability: 0.1"), "3:11",
         "name '1.5e+3' is read as the number 1500.0; quote it"),
    case("name-octal", stage("key: lead\nname: 012\nsection: in\nprobability: 0.1"), "3:11",
         "name '012' is read as the number 10; quote it"),
    case("name-date", stage("key: lead\nname: 2024-03-01\nsection: in\nprobability: 0.1"), "3:11",
         "read as the date 2024-03-01; quote it"),
    case("name-null", stage("key: lead\nname: ~\nsection: in\nprobability: 0.1"), "3:11",
         "name '~' is read as null; quote it"),
    case("entry-criteria-yes", stage("key: lead\nname: Lead\nsection: in\nprobability: 0.1\n"
         "entry_criteria: [yes]"), "6:22", "entry_criteria 'yes' is read as true; quote it"),
    case("then-no", STAGES + "follow_up:\n  stop_following: {then: no}\n", "5:26",
         "then 'no' is read as false; quote it"), # choices
    case("then-unknown", STAGES + "follow_up:\n  stop_following: {then: nurture}\n", "5:26",
         "then must be nurture-if-qualified or dead, got 'nurture'"),
    case("section-unknown", stage("key: lead\nname: Lead\nsection: abov\nprobability: 0.1"), "4:14",
         "section must be above, in or best_few, got 'abov'; did you mean 'above'?"),
    case("period-unknown", STAGES + "quota: {period: year}\n", "4:17",
         "period must be quarter or month, got 'year'"),
    case("allocation-section", STAGES + "time_allocation: {above: 0.5, middle: 0.5}\n", "4:31",
         "time_allocation key must be above, in or best_few, got 'middle'"),
    case("outcome-unknown", STAGES + "outcomes: [won, lose]\n", "4:17",
         "unknown outcome 'lose'; outcomes are won, lost, nurture, dead; did you mean 'lost'?"),
    # ranges
    case("probability-above-1", stage("key: lead\nname: Lead\nsection: in\nprobability: 1.5"),
         "5:18", "probability must be between 0 and 1, got 1.5"),
    case("probability-negative", stage("key: lead\nname: Lead\nsection: in\nprobability: -0.1"),
         "5:18", "probability must be between 0 and 1, got -0.1"),
    case("stale-days-negative", stage("key: lead\nname: Lead\nsection: in\nprobability: 0.1\n"
         "stale_after_days: -1"), "6:23", "stale_after_days must be at least 1, got -1"),
    case("reminder-days-negative", STAGES + "follow_up: {meeting_reminder_days_before: -2}\n",
         "4:43", "meeting_reminder_days_before must not be negative, got -2"),
    case("nurture-interval-zero", STAGES + "follow_up: {nurture: {interval_days: 0}}\n", "4:38",
         "interval_days must be at least 1, got 0"),
    case("win-rate", STAGES + "quota: {default_win_rate: 2}\n", "4:27",
         "default_win_rate must be between 0 and 1, got 2"),
    case("quota-negative", STAGES + "quota: {amount: -5}\n", "4:17",
         "amount must not be negative, got -5"), case("backups-negative",
         STAGES + "backups: -1\n", "4:10", "backups must not be negative, got -1"),
    case("allocation-sum", STAGES + "time_allocation: {above: 0.5, in: 0.4, best_few: 0.4}\n",
         "4:18", "time_allocation must add up to 1, got 1.3"),
    case("low-score", STAGES + "ideal_customer_profile: {low_score: 120}\n", "4:37",
         "low_score must be between 0 and 100, got 120"), # stages and references
    case("duplicate-stage-key",
         STAGES + "  - {key: lead, name: Again, section: in, probability: 0.2}\n", "4:11",
         "duplicate stage key 'lead' (first at line 2)"),
    case("stage-key-upper", stage("key: Demo\nname: Demo\nsection: in\nprobability: 0.1"), "2:10",
         "stage key 'Demo' must be a lower-case identifier"),
    case("stage-key-space", stage("key: first call\nname: Call\nsection: in\nprobability: 0.1"),
         "2:10", "stage key 'first call' must be a lower-case identifier"),
    case("stage-key-digit", stage("key: 1st\nname: First\nsection: in\nprobability: 0.1"), "2:10",
         "stage key '1st' must be a lower-case identifier"),
    case("stage-key-outcome", stage("key: won\nname: Won\nsection: best_few\nprobability: 1"),
         "2:10", "stage key 'won' is an outcome"),
    case("two-meeting-stages",
         STAGES + "  - {key: call, name: Call, section: in, probability: 0.2, "
         "meeting: true}\n", "4:69", "only one stage can be the meeting stage; 'demo' already is"),
    case("mapping-undefined", STAGES + "stage_mapping: {Closed Won: won, Proposal: proposal}\n",
         "4:44", "stage_mapping: 'proposal' is not a stage or an outcome; stages are lead, demo"),
    case("mapping-typo", STAGES + "stage_mapping: {Demo given: dmeo}\n", "4:29",
         "'dmeo' is not a stage or an outcome; did you mean 'demo'?"), # ideal customer profile
    case("icp-two-tests", STAGES + "ideal_customer_profile:\n  criteria:\n"
         "    - {attribute: industry, equals: retail, one_of: [software]}\n", "6:7",
         "needs exactly one of equals, one_of or min/max, got equals and one_of"),
    case("icp-no-test", STAGES + "ideal_customer_profile:\n  criteria:\n    - {attribute: size}\n",
         "6:7", "needs exactly one of equals, one_of or min/max"),
    case("icp-min-above-max", STAGES + "ideal_customer_profile:\n  criteria:\n"
         "    - {attribute: employees, min: 500, max: 50}\n", "6:35", "min 500 is above max 50"),
    case("icp-equals-no", STAGES + "ideal_customer_profile:\n  criteria:\n"
         "    - {attribute: country, equals: no}\n", "6:36",
         "equals 'no' is read as false; write true or false, or quote it"),
    case("icp-one-of-NO", STAGES + "ideal_customer_profile:\n  criteria:\n"
         "    - {attribute: country, one_of: [SE, NO]}\n", "6:41", "one_of 'NO' is read as false"),
    case("icp-equals-list", STAGES + "ideal_customer_profile:\n  criteria:\n"
         "    - {attribute: country, equals: [SE]}\n", "6:36",
         "equals must be a single value, got a list"),
    case("date-order-typo", STAGES + "dates: {order: dym}\n", "4:16",
         "order must be dmy, mdy or ymd, got 'dym'"),
    case("date-order-unknown-key", STAGES + "dates: {oder: mdy}\n", "4:9",
         "unknown key 'oder'; did you mean 'order'?"), ]
# fmt: on


@pytest.mark.parametrize(("text", "where", "fragment", "count"), BAD)
def test_bad_config_is_named_at_line_and_column(
    tmp_path: Path, text: str, where: str, fragment: str, count: int
) -> None:
    path = write(tmp_path, text)
    found = problems(path)
    prefix = f"{path}:{where}: "
    assert any(line.startswith(prefix) and fragment in line for line in found), found
    assert len(found) == count, found


def test_every_problem_is_reported_at_once_in_file_order(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "stagse: []\n"
        "stages:\n"
        "  - {key: lead, name: no, section: above, probability: high}\n"
        "  - {key: lead, name: Lead, section: middle, probability: 0.2}\n"
        "follow_up: {default_channel: NO, default_interval_days: -7}\n"
        "backups: 3\n"
        "backups: 4\n"
        "time_allocation: {above: 0.9, in: 0.4, best_few: 0.4}\n"
        "stage_mapping: {Won: won, Demo: demo}\n",
    )
    found = [line.removeprefix(f"{path}:") for line in problems(path)]
    assert [line.split(": ")[0] for line in found] == [
        "1:1",  # unknown key 'stagse'
        "3:23",  # name read as false
        "3:56",  # probability text
        "4:11",  # duplicate stage key
        "4:38",  # unknown section
        "5:30",  # channel read as false
        "5:57",  # negative interval
        "7:1",  # duplicate key backups
        "8:18",  # allocation sum
        "9:33",  # undefined stage reference
    ], found


def test_error_text_is_one_problem_per_line(tmp_path: Path) -> None:
    path = write(tmp_path, STAGES + "backups: -1\nbackup: 3\n")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    error = raised.value
    assert str(error).splitlines() == [str(problem) for problem in error.problems]
    assert str(error) == format_problems(reversed(error.problems))
    assert str(error).splitlines()[0].startswith(f"{path}:4:10: backups must not be negative")


def test_the_shipped_default_loads_with_seven_stages_in_three_sections() -> None:
    config = load_config()
    assert [s.key for s in config.stages] == [
        "lead", "qualified", "meeting", "needs", "demo", "proposal", "negotiation",
    ]  # fmt: skip
    assert {s.section for s in config.stages} == set(Section)
    assert [s.key for s in config.stages if s.meeting] == ["meeting"]
    probabilities = [s.probability for s in config.stages]
    assert probabilities == sorted(probabilities) and all(0 < p < 1 for p in probabilities)
    assert config.section_of("proposal") is Section.BEST_FEW
    assert config.stage("lead") is not None
    assert config.stage("lead").stop_following.after_unanswered_touches == 3  # type: ignore[union-attr]
    assert config.follow_up.stop_following.then is StopThen.NURTURE_IF_QUALIFIED
    assert config.quota.amount == 120000 and config.backups == 5
    assert config.time_allocation == {Section.ABOVE: 0.2, Section.IN: 0.4, Section.BEST_FEW: 0.4}
    assert len(config.qualification) == 3 and len(config.ideal_customer_profile.criteria) == 3
    assert problems_for(None) == []


def test_the_sample_data_config_loads() -> None:
    config = load_config(SAMPLE_CONFIG)
    assert config.stages and problems_for(SAMPLE_CONFIG) == []


def test_keys_left_out_take_the_documented_defaults(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, STAGES))
    assert config.follow_up == FollowUp() and config.quota == Quota()
    assert config.backups == 5 and config.outcomes == ("won", "lost", "nurture", "dead")
    assert config.stage("lead").tone == "neutral"  # type: ignore[union-attr]
    assert config == Config(stages=config.stages)


def test_a_section_left_out_of_time_allocation_gets_no_time(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, STAGES + "time_allocation: {above: 0.5, in: 0.5}\n"))
    assert config.time_allocation == {Section.ABOVE: 0.5, Section.IN: 0.5, Section.BEST_FEW: 0.0}


def test_quoted_words_and_stage_mapping_to_outcomes_are_fine(tmp_path: Path) -> None:
    text = STAGES + 'follow_up: {default_channel: "NO"}\n'
    text += "stage_mapping: {Closed Won: won, D: demo}\n"
    config = load_config(write(tmp_path, text))
    assert config.follow_up.default_channel == "NO"
    assert config.stage_mapping == {"Closed Won": "won", "D": "demo"}


def test_1e3_stays_text_because_safe_load_reads_it_as_text(tmp_path: Path) -> None:
    # PyYAML's float needs a dot, so `1e3` is already the text '1e3': its meaning is not changed.
    text = stage("key: lead\nname: 1e3\nsection: in\nprobability: 1")
    config = load_config(write(tmp_path, text))
    assert config.stages[0].name == "1e3"


def test_anchors_and_merge_keys_work_as_in_safe_load(tmp_path: Path) -> None:
    text = (
        "stages:\n"
        "  - &base {key: lead, name: Lead, section: above, probability: 0.1, tone: cold}\n"
        "  - <<: *base\n"
        "    key: call\n"
        "    probability: 0.2\n"
    )
    config = load_config(write(tmp_path, text))
    assert [(s.key, s.name, s.tone, s.probability) for s in config.stages] == [
        ("lead", "Lead", "cold", 0.1),
        ("call", "Lead", "cold", 0.2),
    ]


def test_a_mistake_in_an_aliased_node_is_reported_once(tmp_path: Path) -> None:
    text = "stages:\n  - &s {key: lead, name: Lead, section: in, probability: high}\n  - *s\n"
    found = problems(write(tmp_path, text))
    assert len([line for line in found if ":2:58: probability must be a number" in line]) == 1
    assert any("duplicate stage key 'lead'" in line for line in found), found


def test_python_tags_are_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = STAGES + f"currency: !!python/object/apply:os.mkdir [{str(marker)!r}]\n"
    assert problems(write(tmp_path, text))
    assert not marker.exists()


def test_a_missing_file_is_a_problem_without_position(tmp_path: Path) -> None:
    path = tmp_path / "absent.yaml"
    assert problems(path) == [f"{path}: cannot read the file: No such file or directory"]


def test_a_file_that_is_not_utf8_is_named_at_the_bad_byte(tmp_path: Path) -> None:
    path = write(tmp_path, STAGES.encode() + b"currency: \xe9\n")
    assert problems(path) == [f"{path}:4:11: byte 0xe9 is not UTF-8; save as UTF-8"]


def test_parse_config_names_its_source_and_problems_for_lists_them(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"^inline:4:10: backups"):
        parse_config(STAGES + "backups: -3\n", "inline")
    path = write(tmp_path, STAGES + "backups: -3\n")
    assert problems_for(path) == [
        Problem(str(path), 4, 10, "backups must not be negative, got -3"),
    ]
    assert str(Problem("x.yaml", 0, 0, "unreadable")) == "x.yaml: unreadable"


def test_the_date_order_is_read_from_the_config(tmp_path: Path) -> None:
    from leadline.core.config.model import DateOrder  # noqa: PLC0415

    assert load_config(write(tmp_path, STAGES + "dates: {order: mdy}\n")).dates.order == "mdy"
    assert load_config(write(tmp_path, STAGES)).dates.order is DateOrder.DMY

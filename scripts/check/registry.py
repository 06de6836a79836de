"""Every check, in the order they run. Each takes the dataset and the run's readings of its
quotes (the loaded source texts with each quote read once, readings.py) and returns
diagnostics; its codes are in scripts/codes.py, which the Method page renders."""
from __future__ import annotations

from typing import Callable

from ..diagnostics import Diagnostic
from ..model.dataset import Dataset
from .coverage import check_captured_and_left_out, check_coverage
from .dates import check_dates, check_event_order
from .figures import check_figure_values
from .ids import check_ids, check_references
from .places import check_places
from .quotes import check_quotes
from .readings import Readings
from .relations import check_relations
from .spans import check_figure_events, check_figure_spans
from .summaries import check_summaries

Check = Callable[[Dataset, Readings], list[Diagnostic]]

CHECKS: list[Check] = [
    check_ids,
    check_references,
    check_quotes,
    check_figure_values,
    check_dates,
    check_figure_spans,
    check_event_order,
    check_figure_events,
    check_places,
    check_relations,
    check_summaries,
]

# Whether every number of a source is accounted for is asked only of data that is otherwise
# sound: an impossible date or a broken reference drops an entry, and the numbers its quote
# covered would each be reported again, suggesting the wrong fix (left_out).
COVERAGE_CHECKS: list[Check] = [
    check_coverage,
    check_captured_and_left_out,
]

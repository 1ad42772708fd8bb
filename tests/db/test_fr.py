import pytest

from db import fr


@pytest.mark.parametrize(
    ("value", "currency", "expected"),
    [
        (270e6, "EUR", "270\u00a0M€"),
        (1.5e9, "EUR", "1,5\u00a0Md€"),
        (25e6, "USD", "25\u00a0M$"),
        (8_350_000_450.0, "EUR", "8,4\u00a0Md€"),
        (950.0, "EUR", "950\u00a0€"),
        (12_500.0, "EUR", "12,5\u00a0k€"),
        (None, "EUR", ""),
    ],
)
def test_amounts_are_written_the_french_way(value, currency, expected):
    assert fr.format_amount(value, currency) == expected


def test_percent_dates_and_roles_in_french():
    assert fr.format_percent(4.5) == "4,5\u00a0%"
    assert fr.format_percent(12.0) == "12\u00a0%"
    assert fr.format_date("2025-03-14T23:30:00-05:00") == "14/03/2025"
    assert fr.format_date("hier") == "hier"
    assert fr.role_label("CFO") == "directeur financier"
    assert fr.role_label("CFO", "directrice financière") == "directrice financière"

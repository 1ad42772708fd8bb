"""French display of stored values: amounts (1,5 Md€ ; 270 M€ ; 12 %), dates (dd/mm/yyyy), role codes.

The database keeps normalised values (floats in units, ISO 4217 codes, role codes such as CFO); these
helpers are what the workbench, the feeds and the exports show a journalist. Pure functions, no I/O.
"""

from __future__ import annotations

import re

CURRENCY_SIGNS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CHF": "CHF", "CNY": "CNY"}

# (threshold, French short scale word) from the largest down
_SCALES = ((1e12, "Bn"), (1e9, "Md"), (1e6, "M"), (1e3, "k"))

ROLE_LABELS = {
    "CEO": "PDG / directeur général",
    "CHAIR": "président du conseil",
    "PRESIDENT": "président",
    "DEPUTY_CEO": "directeur général délégué",
    "COO": "directeur des opérations",
    "CFO": "directeur financier",
    "CTO": "directeur technique",
    "CIO": "directeur des systèmes d'information",
    "CISO": "responsable de la sécurité des SI",
    "CMO": "directeur marketing",
    "CCO": "directeur commercial",
    "CSO": "directeur de la stratégie",
    "CPO": "directeur produit",
    "CDO": "directeur du numérique / des données",
    "CHRO": "directeur des ressources humaines",
    "GC": "directeur juridique",
    "VP": "vice-président",
    "DIRECTOR": "directeur",
    "BOARD": "administrateur",
    "FOUNDER": "fondateur",
    "PARTNER": "associé",
    "EMPLOYEE": "a travaillé chez",
}


def french_number(value: float, decimals: int = 1) -> str:
    """1234567.5 -> '1 234 567,5' (narrow no-break space for thousands, comma for decimals)."""
    text = f"{value:,.{decimals}f}".replace(",", "\u202f").replace(".", ",")
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


def format_amount(value: float | None, currency: str | None = None) -> str:
    """270e6, 'EUR' -> '270 M€'; 1.5e9 -> '1,5 Md€'; 950 -> '950 €'; None -> ''."""
    if value is None:
        return ""
    sign = CURRENCY_SIGNS.get((currency or "").upper(), currency or "")
    for threshold, word in _SCALES:
        if abs(value) >= threshold:
            number = french_number(value / threshold, 1 if abs(value) < 100 * threshold else 0)
            return f"{number}\u00a0{word}{sign}".rstrip()
    return f"{french_number(value, 2)}\u00a0{sign}".rstrip()


def format_percent(value: float | None) -> str:
    """12.0 -> '12 %', 4.5 -> '4,5 %'."""
    return "" if value is None else f"{french_number(value, 2)}\u00a0%"


_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def format_date(iso: str | None) -> str:
    """'2025-03-14T09:30:00+01:00' -> '14/03/2025'; anything else is returned as it is."""
    if not iso:
        return ""
    match = _ISO_DAY.match(iso)
    return f"{match[3]}/{match[2]}/{match[1]}" if match else iso


def role_label(code: str | None, title: str | None = None) -> str:
    """The title as the article wrote it when there is one, else the French label of the role code."""
    if title:
        return title
    return ROLE_LABELS.get(code or "", code or "")

"""Treasuries: the group's treasury policy and the accounts (Safes, multisigs, others) it holds.

``state.practice.treasury`` is the original single treasury (its ``signers`` and ``threshold`` are
contract names of the format); ``state.practice.treasuries`` lists further accounts, each with its
kind, chain, address, signers and threshold. A signer is a person, an ENS name or an address, the
id of a role (every holder of the role signs, as with a Hats signer gate) or of a cell, or a
contract written as ``{contract: ADDRESS, name: ...}``. :func:`treasuries` gives every account of
a group in one shape whichever way it was written, so rules and exports read one list.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeAlias

from pydantic import Discriminator, Field, Tag

from designer.model.base import StrictModel, empty_list
from designer.model.values import Text, Texts

TreasuryKind = Literal["safe", "multisig", "other"]
SignerKind = Literal["person", "role", "cell", "contract"]


class Treasury(StrictModel):
    """Multisig configuration of a group that holds funds (template: Treasury management)."""

    holds_funds: bool | None = Field(None, description="Set true when the group holds a treasury of its own")
    kind: str | None = Field(None, description="e.g. Safe multisig, Moloch, bank account")
    address: str | None = None
    chain: str | None = None
    signers: Texts = Field(
        default_factory=empty_list, description="Active signers: people, addresses, or ids of roles or cells"
    )
    threshold: int | None = Field(None, ge=1, description="Signatures needed")
    decision_rule: Text | None = Field(None, description="How treasury decisions are made")
    rewards: Text | None = None
    records: Text | None = Field(None, description="Where financial records are kept")


class ContractSigner(StrictModel):
    """A signer that is a contract: a Hats signer gate, another Safe, a DAO's executor."""

    contract: str = Field(min_length=1, max_length=1_000, description="The contract's address")
    name: str | None = Field(None, max_length=1_000, description="What the contract is")


def _signer_form(value: Any) -> str | None:
    if isinstance(value, str):
        return "signer:text"
    if isinstance(value, (dict, ContractSigner)):
        return "signer:contract"
    return None


Signer: TypeAlias = Annotated[
    Annotated[str, Tag("signer:text")] | Annotated[ContractSigner, Tag("signer:contract")],
    Discriminator(
        _signer_form,
        custom_error_type="signer",
        custom_error_message="a signer is a name, an address, a role or cell id, or {contract: ADDRESS, name: ...}",
    ),
]


class TreasuryAccount(StrictModel):
    """One account the group holds, beside or instead of ``treasury``: a Safe, a multisig, other."""

    name: str | None = Field(None, max_length=1_000, description="e.g. Operations Safe")
    kind: TreasuryKind | None = Field(None, description="safe, multisig or other")
    chain: str | None = Field(None, description="e.g. optimism, base, eip155:10")
    address: str | None = None
    signers: list[Signer] = Field(
        default_factory=empty_list,
        description="People, addresses, ids of roles or cells, or {contract: ADDRESS, name: ...}",
    )
    threshold: int | None = Field(None, ge=1, description="Signatures needed")
    purpose: Text | None = Field(None, description="What the account is for")


@dataclass(frozen=True)
class SignerView:
    """One signer, resolved: ``value`` is the text, id or contract address as written."""

    kind: SignerKind
    value: str
    name: str | None = None


@dataclass(frozen=True)
class TreasuryView:
    """One account of a group in a single shape; ``index`` is None for ``treasury`` itself and the
    position in ``treasuries`` otherwise (so a finding can point at the right entry)."""

    index: int | None
    kind: TreasuryKind | None
    name: str | None
    chain: str | None
    address: str | None
    signers: tuple[SignerView, ...]
    threshold: int | None

    @property
    def path(self) -> tuple[str | int, ...]:
        """Where the account sits inside the primitive."""
        base: tuple[str | int, ...] = ("state", "practice")
        return (*base, "treasury") if self.index is None else (*base, "treasuries", self.index)


def treasury_kind(text: str | None) -> TreasuryKind | None:
    """The kind of a free-text ``treasury.kind``: ``Safe multisig`` is a Safe, ``2-of-3 multisig``
    a multisig, anything else other."""
    if not text:
        return None
    lowered = text.lower()
    if "safe" in lowered:
        return "safe"
    if "multisig" in lowered or "multi-sig" in lowered:
        return "multisig"
    return "other"


def signer_view(signer: Signer, by_id: Mapping[str, Any] | None = None) -> SignerView:
    """A signer resolved against the document's primitives (``by_id``): an id of a role or a cell
    is that primitive, other text a person or address."""
    if isinstance(signer, ContractSigner):
        return SignerView("contract", signer.contract, signer.name)
    found = by_id.get(signer) if by_id is not None else None
    kind = getattr(found, "kind", None)
    if kind == "role" or kind == "cell":
        return SignerView(kind, signer, getattr(found, "name", None))
    return SignerView("person", signer)


def _has_account(t: Treasury) -> bool:
    return bool(t.kind or t.address or t.chain or t.signers or t.threshold is not None)


def treasuries(practice: Any, by_id: Mapping[str, Any] | None = None) -> list[TreasuryView]:
    """Every treasury account of a group's practice section, the old ``treasury`` first (when it
    names an account: a kind, address, chain, signers or threshold), then ``treasuries``.

    ``practice`` is a DAO's or cell's ``state.practice``; other kinds have no treasury and give [].
    """
    out: list[TreasuryView] = []
    single = getattr(practice, "treasury", None)
    if isinstance(single, Treasury) and _has_account(single):
        out.append(
            TreasuryView(
                None,
                treasury_kind(single.kind),
                None,
                single.chain,
                single.address,
                tuple(signer_view(s, by_id) for s in single.signers),
                single.threshold,
            )
        )
    for i, account in enumerate(getattr(practice, "treasuries", ())):
        out.append(
            TreasuryView(
                i,
                account.kind,
                account.name,
                account.chain,
                account.address,
                tuple(signer_view(s, by_id) for s in account.signers),
                account.threshold,
            )
        )
    return out


def signer_seats(view: TreasuryView, by_id: Mapping[str, Any]) -> int:
    """How many distinct signers an account can have: a role counts each of its holders (as a
    Hats signer gate seats every wearer), a cell each of its members, a person or contract one.
    Compare a threshold with this, not with the number of entries written."""
    seats: set[str] = set()
    for signer in view.signers:
        primitive = by_id.get(signer.value) if signer.kind in ("role", "cell") else None
        people = getattr(primitive, "holders", None) or getattr(primitive, "members", None)
        if people:
            seats.update(f"person:{person}" for person in people)
        else:
            seats.add(f"{signer.kind}:{signer.value}")
    return len(seats)

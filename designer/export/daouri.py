"""EIP-4824 / DAOIP-2 daoURI JSON for the organization, with members and contracts embedded.

Fields follow the spec: ``@context``, ``type``, ``name``, ``description`` and the ``*URI``
fields; a field with no value is left out rather than written empty. Members and contracts are
embedded under ``members`` and ``contracts`` (the spec's rule for inlined subsidiary documents)
when the state file knows any: members are the people listed as addresses, CAIP-10 ids, DIDs,
URIs or ENS names (written as ``did:ens:<name>``, the ENS DID method; plain names are left out),
contracts the addresses in each DAO's and cell's tool links and treasury. Published URIs can be
given in the organization's ``x-daouri`` mapping; a given ``membersURI`` or ``contractsURI``
replaces the embedded document, as the spec says the two should not appear together.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from designer.export.hats import is_address
from designer.export.registry import Exporter, ExportError, register
from designer.export.tree import Tree
from designer.io.yaml_write import dump_json
from designer.model.document import Document
from designer.model.primitives import AnyPrimitive, Cell, Dao, Role, ToolRef
from designer.model.treasury import treasuries

CONTEXT = "http://www.daostar.org/schemas"
"""As written in the daoURI schema (and in every published daoURI in the reference examples)."""
SUB_CONTEXT = "https://www.daostar.org/schemas"
"""As written in the subsidiary schemas (members, contracts)."""
URI_FIELDS = ("membersURI", "proposalsURI", "activityLogURI", "governanceURI", "contractsURI")
X_DAOURI = "x-daouri"
X_DAOURI_KEYS = frozenset({"type", *URI_FIELDS})

CHAIN_IDS: dict[str, int] = {
    "ethereum": 1,
    "mainnet": 1,
    "optimism": 10,
    "op": 10,
    "bsc": 56,
    "gnosis": 100,
    "xdai": 100,
    "polygon": 137,
    "matic": 137,
    "base": 8453,
    "arbitrum": 42161,
    "arbitrum one": 42161,
    "celo": 42220,
    "avalanche": 43114,
    "zora": 7777777,
    "linea": 59144,
    "scroll": 534352,
    "sepolia": 11155111,
    "base sepolia": 84532,
}
"""Chain names people write in the ``chain`` fields, to EIP-155 chain ids for CAIP-10."""

_CAIP10 = re.compile(r"^[-a-z0-9]{3,8}:[-_a-zA-Z0-9]{1,32}:[-.%a-zA-Z0-9]{1,128}$")
_DID = re.compile(r"^did:[a-z0-9]+:\S+$")
_URI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://\S+$")
_ENS = re.compile(r"^(?:[^\s.:/@]+\.)+eth$", re.IGNORECASE)
"""An ENS name under ``.eth`` (``alice.eth``, ``ops.regen.eth``): labels without spaces, dots,
colons, slashes or ``@``, so that e-mail addresses, URLs and plain names never match."""
ENS_DID = "did:ens:"
"""The ENS DID method (veramolabs/did-ens-spec): ``did:ens:alice.eth`` names the account the ENS
name resolves to on Ethereum mainnet, so a daoURI reader can resolve it without this tool."""
TOOL_FUNCTIONS = (
    ("treasury", "Treasury"),
    ("token_authority", "Token-based authority"),
    ("proposals_voting", "Proposals and voting"),
    ("state_repository", "State repository"),
    ("knowledge_repository", "Knowledge repository"),
)


TREASURY_KINDS = {"safe": "Safe", "multisig": "Multisig", "other": "Treasury account"}


def chain_id(chain: str | None) -> int | None:
    """An EIP-155 chain id from a name (``Optimism``), a number (``10``) or ``eip155:10``."""
    if not chain:
        return None
    text = chain.strip().lower().removeprefix("eip155:")
    if text.isdigit():
        return int(text)
    return CHAIN_IDS.get(text)


def identifier(value: str, chain: int | None) -> str | None:
    """A member or contract id: CAIP-10 for an address on a known chain, the bare address when the
    chain is unknown (so that no address is lost), ``did:ens:<name>`` for an ENS name (in lower
    case, as ENS normalises it), a DID or URI as written; None for plain names."""
    value = value.strip()
    if is_address(value):
        return f"eip155:{chain}:{value}" if chain is not None else value
    if _ENS.match(value):
        return ENS_DID + value.lower()
    if _CAIP10.match(value) or _DID.match(value) or _URI.match(value):
        return value
    return None


def _dao_chain(doc: Document) -> int | None:
    for p in doc.primitives:
        if isinstance(p, (Dao, Cell)):
            for ref in (p.tools.treasury, p.tools.token_authority, p.tools.proposals_voting):
                found = chain_id(ref.chain)
                if found is not None:
                    return found
            for view in treasuries(p.state.practice):
                found = chain_id(view.chain)
                if found is not None:
                    return found
    return None


def _inside_partner(p: AnyPrimitive, tree: Tree) -> bool:
    return p.kind == "partner" or any(a.kind == "partner" for a in tree.ancestors(p))


def members(doc: Document, chain: int | None) -> list[dict[str, str]]:
    """Every person of the organization's DAOs, cells and roles that has an id, once, in order."""
    tree = Tree.of(doc)
    seen: set[str] = set()
    out: list[dict[str, str]] = []
    for p in doc.primitives:
        if _inside_partner(p, tree):
            continue
        names = p.holders if isinstance(p, Role) else getattr(p, "members", [])
        for name in names:
            ident = identifier(name, chain)
            if ident is not None and ident.lower() not in seen:
                seen.add(ident.lower())
                out.append({"id": ident})
    return out


def _refs(p: Dao | Cell) -> Iterator[tuple[str, str | None, str | None, str | None]]:
    """``(function, description, address, chain)`` of each contract a DAO or cell names: its tool
    links, every treasury account (``treasury`` and ``treasuries``) and contract signers."""
    for attr, function in TOOL_FUNCTIONS:
        ref: ToolRef = getattr(p.tools, attr)
        yield function, ref.name, ref.address, ref.chain
    treasury = p.state.practice.treasury
    yield "Treasury", treasury.kind, treasury.address, treasury.chain
    for view in treasuries(p.state.practice):
        if view.index is None:
            continue
        function = f"Treasury: {view.name}" if view.name else "Treasury"
        yield function, TREASURY_KINDS.get(view.kind or "", None), view.address, view.chain
        for signer in view.signers:
            if signer.kind == "contract":
                yield f"{function} signer", signer.name, signer.value, view.chain


def contracts(doc: Document, default_chain: int | None) -> list[dict[str, str]]:
    """Contract addresses the design names, each once, with the primitive and function it serves."""
    seen: set[str] = set()
    out: list[dict[str, str]] = []
    for p in doc.primitives:
        if not isinstance(p, (Dao, Cell)):
            continue
        for function, description, address, chain in _refs(p):
            if not address:
                continue
            ident = identifier(address, chain_id(chain) or default_chain)
            if ident is None or ident.lower() in seen:
                continue
            seen.add(ident.lower())
            entry = {"id": ident, "name": f"{p.name}: {function}"}
            if description:
                entry["description"] = description
            out.append(entry)
    return out


def _settings(doc: Document) -> dict[str, str]:
    raw = doc.organization.extensions.get(X_DAOURI, {})
    if not isinstance(raw, dict):
        raise ExportError(f"organization.{X_DAOURI} must be a mapping of daoURI fields")
    for key, value in raw.items():
        if key not in X_DAOURI_KEYS:
            raise ExportError(
                f"organization.{X_DAOURI}: unknown key {key!r}; known: {', '.join(sorted(X_DAOURI_KEYS))}"
            )
        if not isinstance(value, str) or not value.strip():
            raise ExportError(f"organization.{X_DAOURI}.{key} must be non-empty text")
    return {k: v.strip() for k, v in raw.items()}


def dao_uri(doc: Document) -> dict[str, Any]:
    settings = _settings(doc)
    org = doc.organization
    tree = Tree.of(doc)
    top = next((p for p in tree.roots if isinstance(p, Dao)), None)
    description = org.description or (top.description or top.state.purpose.statement if top else None)
    out: dict[str, Any] = {"@context": CONTEXT, "type": settings.get("type", "DAO"), "name": org.name}
    if description:
        out["description"] = description
    chain = _dao_chain(doc)
    found = members(doc, chain)
    if "membersURI" in settings:
        out["membersURI"] = settings["membersURI"]
    elif found:
        out["members"] = {"@context": SUB_CONTEXT, "type": out["type"], "members": found}
    for key in ("proposalsURI", "activityLogURI", "governanceURI"):
        if key in settings:
            out[key] = settings[key]
    listed = contracts(doc, chain)
    if "contractsURI" in settings:
        out["contractsURI"] = settings["contractsURI"]
    elif listed:
        out["contracts"] = {"@context": SUB_CONTEXT, "contracts": listed}
    return out


def to_daouri(doc: Document) -> str:
    return dump_json(dao_uri(doc))


register(Exporter("daouri", "EIP-4824 daoURI JSON with members and contracts embedded", ".json", to_daouri))

"""Small documents built in code for the core tests."""

from __future__ import annotations

SMALL = """\
format: dao-designer/1
organization:
  name: Regen Commons
  approach: hybrid
design: {}
rules:
  ignore: []
  settings: {}
primitives:
  - id: regen-dao
    kind: dao
    name: Regen Commons DAO
    scale: constituency
    phase: iteration
    members: [alice, bob, carol, dan]
  - id: ops
    kind: cell
    name: Operations Cell
    parent: regen-dao
    scale: coordination
    phase: organization
    top_level: true
    members: [alice, bob, carol]
    state:
      practice: {treasury: {signers: [alice, bob], threshold: 2}}
  - id: treasury-steward
    kind: role
    name: Treasury Steward
    parent: ops
    holders: [alice]
  - id: q3-report
    kind: task
    name: Q3 treasury report
    parent: treasury-steward
    assignee: treasury-steward
links:
  - {from: ops, to: regen-dao, kind: accountable-to}
  - {from: regen-dao, to: ops, kind: funds, amount: 50000, currency: USDC, period: quarter}
layout:
  regen-dao: [0, 0]
  ops: [0, 300]
"""

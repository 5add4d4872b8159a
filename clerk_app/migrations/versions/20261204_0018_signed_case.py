"""PostgreSQL: clerk_signed_case(key id, body, signature), the 市民之窗 check for a kiosk PC

Issue 17. A kiosk PC's database role (``clerk db grants``) reads no signing key and no
applicant's name, yet the kiosk must show a case's progress to whoever scans its receipt. This
SECURITY DEFINER function checks a payload's HMAC-SHA256 signature with the hall's key inside
the database (the key never leaves it) and, only for a genuine payload, returns the personal
fields the progress page needs of the case it names: the applicant's name (the kiosk shows it
masked) and the group's tracking number. ``verdict``: ``ok``, ``mismatch`` (no such key, or the
signature does not match) or ``no_keys`` (the hall never signed anything). SQLite halls have no
database roles and verify in Python (``documents.signing``); tests hold both to one answer.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04 03:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

# HMAC (RFC 2104) over SHA-256, whose block is 64 bytes; a signature is its first 20 bytes
# (documents.signing._SIG_BYTES). The body names the case in its third field.
_SIGNED_CASE = """
CREATE OR REPLACE FUNCTION clerk_signed_case(p_key_id text, p_body text, p_signature bytea)
RETURNS TABLE(verdict text, applicant_name text, applicant_id_kind text, tracking_no text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_secret text;
    v_key bytea;
    v_inner bytea;
    v_outer bytea;
    v_mac bytea;
    v_case_no text := split_part(p_body, ':', 3);
BEGIN
    SELECT k.secret INTO v_secret FROM signing_keys k WHERE k.key_id = p_key_id;
    IF NOT FOUND THEN
        IF NOT EXISTS (SELECT 1 FROM signing_keys) THEN
            RETURN QUERY SELECT 'no_keys', NULL::text, NULL::text, NULL::text;
        ELSE
            RETURN QUERY SELECT 'mismatch', NULL::text, NULL::text, NULL::text;
        END IF;
        RETURN;
    END IF;
    v_key := convert_to(v_secret, 'UTF8');
    IF length(v_key) > 64 THEN
        v_key := sha256(v_key);
    END IF;
    v_key := v_key || decode(repeat('00', 64 - length(v_key)), 'hex');
    v_inner := v_key;
    v_outer := v_key;
    FOR i IN 0..63 LOOP
        v_inner := set_byte(v_inner, i, get_byte(v_key, i) # 54);   -- 0x36
        v_outer := set_byte(v_outer, i, get_byte(v_key, i) # 92);   -- 0x5c
    END LOOP;
    v_mac := sha256(v_outer || sha256(v_inner || convert_to(p_body, 'UTF8')));
    IF length(p_signature) <> 20 OR substring(v_mac FROM 1 FOR 20) <> p_signature THEN
        RETURN QUERY SELECT 'mismatch', NULL::text, NULL::text, NULL::text;
        RETURN;
    END IF;
    RETURN QUERY
        SELECT 'ok', c.applicant_name::text, c.applicant_id_kind::text, h.tracking_no::text
        FROM cases c
        LEFT JOIN handovers h ON h.bundle_no = coalesce(c.bundle_no, c.case_no)
        WHERE c.case_no = v_case_no;
END
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_SIGNED_CASE)
        op.execute("REVOKE ALL ON FUNCTION clerk_signed_case(text, text, bytea) FROM PUBLIC")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS clerk_signed_case(text, text, bytea)")

// A throwaway PKI made with the openssl CLI, so TLS probes meet real certificates: trusted, self-signed, expired, wrong name.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export const DEFAULT_DNS_NAMES = ["tls.portcheck-test.net"];
export const DEFAULT_IPS = ["127.0.0.2"];
export const MISMATCHED_NAME = "other.portcheck-test.net";
/** The good leaf's lifetime, so a test can expect about this many days left. */
export const LEAF_DAYS = 30;

export type CertificateKind = "good" | "self-signed" | "expired" | "mismatched";

export interface CertificateFiles {
  keyFile: string;
  certFile: string;
  /** PEM text of the key and certificate. */
  key: string;
  cert: string;
}

export interface TestCertificates {
  dir: string;
  ca: CertificateFiles;
  /** The root certificate alone, for NODE_EXTRA_CA_CERTS or a client's `ca`. */
  caFile: string;
  good: CertificateFiles;
  selfSigned: CertificateFiles;
  expired: CertificateFiles;
  mismatched: CertificateFiles;
  dnsNames: string[];
  ips: string[];
  cleanup(): void;
}

// Fixed file names, so a directory made here can be handed to another process (loadTestCertificates).
const FILES = { ca: "ca", good: "leaf", selfSigned: "self-signed", expired: "expired", mismatched: "mismatched" } as const;

export function certificateFor(certificates: TestCertificates, kind: CertificateKind): CertificateFiles {
  return { good: certificates.good, "self-signed": certificates.selfSigned, expired: certificates.expired, mismatched: certificates.mismatched }[kind];
}

function openssl(args: string[], cwd: string): void {
  execFileSync("openssl", args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
}

function files(dir: string, base: string): CertificateFiles {
  const keyFile = path.join(dir, `${base}.key`);
  const certFile = path.join(dir, `${base}.pem`);
  return { keyFile, certFile, key: readFileSync(keyFile, "utf8"), cert: readFileSync(certFile, "utf8") };
}

function sanOf(dnsNames: string[], ips: string[]): string {
  for (const ip of ips) if (!isIP(ip)) throw new Error(`Not an IP address: ${ip}`);
  return [...dnsNames.map((name) => `DNS:${name}`), ...ips.map((ip) => `IP:${ip}`)].join(",");
}

// One config for every command, so nothing depends on the system openssl.cnf.
function config(dir: string, san: string, mismatchedSan: string): string {
  return `
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ ca_ext ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ leaf_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = ${san}
[ mismatched_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = ${mismatchedSan}
[ self_ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = ${san}
[ ca ]
default_ca = test_ca
[ test_ca ]
dir = ${path.join(dir, "ca-db")}
database = $dir/index.txt
new_certs_dir = $dir
serial = $dir/serial
default_md = sha256
policy = any_policy
unique_subject = no
copy_extensions = none
[ any_policy ]
commonName = supplied
`;
}

/** Load a directory written by createTestCertificates (e.g. by the process that starts a target host). */
export function loadTestCertificates(dir: string): TestCertificates {
  const ca = files(dir, FILES.ca);
  if (!existsSync(ca.certFile)) throw new Error(`No test certificates in ${dir}`);
  const names = JSON.parse(readFileSync(path.join(dir, "names.json"), "utf8")) as { dnsNames: string[]; ips: string[] };
  return {
    dir,
    ca,
    caFile: ca.certFile,
    good: files(dir, FILES.good),
    selfSigned: files(dir, FILES.selfSigned),
    expired: files(dir, FILES.expired),
    mismatched: files(dir, FILES.mismatched),
    ...names,
    cleanup: () => {
      for (const base of Object.values(FILES)) for (const ext of ["key", "pem"]) rmSync(path.join(dir, `${base}.${ext}`), { force: true });
      rmSync(path.join(dir, "names.json"), { force: true });
    },
  };
}

/**
 * A test root CA and leaves for `dnsNames` and `ips`: good (30 days), self-signed, expired (2019-2020, signed by the CA)
 * and mismatched (only other.portcheck-test.net). Written to `dir`, or to a new temporary directory removed by cleanup().
 */
export function createTestCertificates(dir?: string, names: { dnsNames?: string[]; ips?: string[] } = {}): TestCertificates {
  const dnsNames = names.dnsNames ?? DEFAULT_DNS_NAMES;
  const ips = names.ips ?? DEFAULT_IPS;
  const ownDir = dir === undefined;
  const target = dir ?? mkdtempSync(path.join(tmpdir(), "portcheck-certs-"));
  mkdirSync(path.join(target, "ca-db"), { recursive: true });
  const cnf = path.join(target, "ca-db", "openssl.cnf");
  writeFileSync(cnf, config(target, sanOf(dnsNames, ips), `DNS:${MISMATCHED_NAME}`));
  writeFileSync(path.join(target, "ca-db", "index.txt"), "");
  writeFileSync(path.join(target, "ca-db", "serial"), `${randomBytes(8).toString("hex").replace(/^./, "1")}\n`);
  writeFileSync(path.join(target, "names.json"), JSON.stringify({ dnsNames, ips }));
  const commonName = dnsNames[0] ?? ips[0] ?? "portcheck-test";
  const serial = () => `0x${randomBytes(8).toString("hex").replace(/^./, "1")}`;
  const key = (base: string) => openssl(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", `${base}.key`], target);
  const csr = (base: string, cn: string) => openssl(["req", "-new", "-config", cnf, "-key", `${base}.key`, "-subj", `/CN=${cn}`, "-out", `ca-db/${base}.csr`], target);
  const sign = (base: string, extensions: string) =>
    openssl(
      ["x509", "-req", "-in", `ca-db/${base}.csr`, "-CA", `${FILES.ca}.pem`, "-CAkey", `${FILES.ca}.key`, "-set_serial", serial(), "-days", String(LEAF_DAYS), "-sha256"]
        .concat(["-extfile", cnf, "-extensions", extensions, "-out", `${base}.pem`]),
      target,
    );

  try {
    key(FILES.ca);
    openssl(["req", "-x509", "-new", "-config", cnf, "-key", `${FILES.ca}.key`, "-subj", "/O=Portcheck Tests/CN=Portcheck Test Root CA", "-days", "3650", "-sha256"]
      .concat(["-extensions", "ca_ext", "-set_serial", serial(), "-out", `${FILES.ca}.pem`]), target);

    key(FILES.good);
    csr(FILES.good, commonName);
    sign(FILES.good, "leaf_ext");

    key(FILES.mismatched);
    csr(FILES.mismatched, MISMATCHED_NAME);
    sign(FILES.mismatched, "mismatched_ext");

    key(FILES.selfSigned);
    openssl(["req", "-x509", "-new", "-config", cnf, "-key", `${FILES.selfSigned}.key`, "-subj", `/CN=${commonName}`, "-days", String(LEAF_DAYS), "-sha256"]
      .concat(["-extensions", "self_ext", "-set_serial", serial(), "-out", `${FILES.selfSigned}.pem`]), target);

    // x509 -req in OpenSSL 3.0 cannot backdate, but `openssl ca` takes explicit start and end dates.
    key(FILES.expired);
    csr(FILES.expired, commonName);
    openssl(["ca", "-batch", "-config", cnf, "-cert", `${FILES.ca}.pem`, "-keyfile", `${FILES.ca}.key`, "-in", `ca-db/${FILES.expired}.csr`, "-notext"]
      .concat(["-startdate", "20190101000000Z", "-enddate", "20200101000000Z", "-extensions", "leaf_ext", "-out", `${FILES.expired}.pem`]), target);
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    if (ownDir) rmSync(target, { recursive: true, force: true });
    throw new Error(`openssl failed: ${stderr || (error as Error).message}`);
  } finally {
    rmSync(path.join(target, "ca-db"), { recursive: true, force: true });
  }

  const certificates = loadTestCertificates(target);
  if (ownDir) certificates.cleanup = () => rmSync(target, { recursive: true, force: true });
  return certificates;
}

import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import tls from 'node:tls'

/** A throw-away certificate and its private key, PEM. */
export interface TestCertificate {
  key: string
  cert: string
}

/**
 * A self-signed certificate for 127.0.0.1 and localhost, valid one day, made with the system's
 * OpenSSL at test time (never committed): for {@link import('./provider-simulator').ProviderSimulator}
 * started with `https`, for clients that refuse plain HTTP (Azure Identity's authority).
 */
export function makeTestCertificate(): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'coffer-tls-'))
  try {
    execFileSync(
      '/usr/bin/openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      { stdio: 'ignore' }
    )
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Adds `cert` to this test process's trusted roots, keeping every system root and full
 * verification (Node's `tls.setDefaultCACertificates`, which fetch also uses), and returns the
 * function that puts the previous roots back. Production code never calls this.
 */
export function trustInThisProcess(cert: string): () => void {
  const before = tls.getCACertificates('default')
  tls.setDefaultCACertificates([...before, cert])
  return () => tls.setDefaultCACertificates(before)
}

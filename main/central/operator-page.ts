// A tiny operator page (no external assets): act as the bank — inquiry, pay by IDPEL, pay a QRIS,
// reverse by NTB, download the day's settlement — and set faults. It calls the admin endpoints
// with the admin key the operator types in (kept in sessionStorage only).

export function operatorPage(nonce: string): string {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Operator API Pusat E-Retribusi (simulator)</title>
<style nonce="${nonce}">
  body { font: 14px/1.45 system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1c2630; }
  header { background: #1f4e79; color: #fff; padding: 12px 20px; }
  header h1 { font-size: 18px; margin: 0; }
  main { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; padding: 16px 20px; }
  section { background: #fff; border: 1px solid #d5dde5; border-radius: 6px; padding: 12px 16px; }
  h2 { font-size: 15px; margin: 0 0 8px; }
  label { display: block; margin: 6px 0 2px; font-weight: 600; }
  input, textarea { width: 100%; box-sizing: border-box; padding: 6px 8px; border: 1px solid #b8c4cf; border-radius: 4px; font: inherit; }
  textarea { font-family: ui-monospace, monospace; min-height: 110px; }
  button { margin-top: 8px; padding: 6px 14px; border: 0; border-radius: 4px; background: #1f4e79; color: #fff; font: inherit; cursor: pointer; }
  button.secondary { background: #5b6b7a; }
  pre { background: #0f1720; color: #d8e2ec; padding: 10px; border-radius: 4px; overflow: auto; max-height: 420px; white-space: pre-wrap; word-break: break-word; }
  .wide { grid-column: 1 / -1; }
</style>
</head>
<body>
<header><h1>Operator API Pusat E-Retribusi — simulator (bertindak sebagai bank)</h1></header>
<main>
  <section>
    <h2>Kunci admin</h2>
    <label for="key">X-Admin-Key</label>
    <input id="key" type="password" autocomplete="off">
    <button id="save-key" type="button">Simpan untuk sesi ini</button>
  </section>
  <section>
    <h2>Bayar per IDPEL</h2>
    <label for="idpel">IDPEL</label>
    <input id="idpel" inputmode="numeric" maxlength="17">
    <label for="amount">Jumlah (kosong = total tagihan)</label>
    <input id="amount" inputmode="numeric">
    <button id="inquiry" type="button" class="secondary">Inquiry</button>
    <button id="pay" type="button">Bayar</button>
  </section>
  <section>
    <h2>Bayar QRIS</h2>
    <label for="qris">ID QRIS</label>
    <input id="qris">
    <button id="qris-pay" type="button">Bayar QRIS</button>
  </section>
  <section>
    <h2>Reversal</h2>
    <label for="ntb">NTB</label>
    <input id="ntb">
    <label for="reason">Alasan</label>
    <input id="reason">
    <button id="reverse" type="button">Batalkan pembayaran</button>
  </section>
  <section>
    <h2>Settlement harian</h2>
    <label for="date">Tanggal buku</label>
    <input id="date" type="date">
    <button id="settlement" type="button">Unduh CSV</button>
  </section>
  <section>
    <h2>Gangguan (fault injection)</h2>
    <label for="faults">Konfigurasi JSON</label>
    <textarea id="faults">{}</textarea>
    <button id="faults-get" type="button" class="secondary">Muat</button>
    <button id="faults-set" type="button">Terapkan</button>
  </section>
  <section class="wide">
    <h2>Hasil</h2>
    <button id="terminals" type="button" class="secondary">Daftar terminal</button>
    <button id="overpayments" type="button" class="secondary">Kelebihan bayar</button>
    <pre id="out">—</pre>
  </section>
</main>
<script nonce="${nonce}">
  const $ = (id) => document.getElementById(id);
  $('key').value = sessionStorage.getItem('adminKey') || '';
  $('date').value = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
  $('save-key').onclick = () => { sessionStorage.setItem('adminKey', $('key').value); show('Kunci disimpan untuk sesi ini.'); };
  function show(v) { $('out').textContent = typeof v === 'string' ? v : JSON.stringify(v, null, 2); }
  async function call(method, path, body) {
    const res = await fetch(path, { method, headers: { 'x-admin-key': $('key').value, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const type = res.headers.get('content-type') || '';
    const data = type.includes('json') ? await res.json() : await res.text();
    show(data);
    return { res, data };
  }
  const num = (v) => (v.trim() === '' ? undefined : Number(v.trim()));
  $('inquiry').onclick = () => call('POST', '/admin/bank/inquiry', { idpel: $('idpel').value.trim() });
  $('pay').onclick = () => call('POST', '/admin/bank/pay', { idpel: $('idpel').value.trim(), amount: num($('amount').value) });
  $('qris-pay').onclick = () => call('POST', '/admin/bank/qris-pay', { qrisId: $('qris').value.trim() });
  $('reverse').onclick = () => call('POST', '/admin/bank/reverse', { ntb: $('ntb').value.trim(), reason: $('reason').value.trim() || undefined });
  $('terminals').onclick = () => call('GET', '/admin/terminals');
  $('overpayments').onclick = () => call('GET', '/admin/overpayments');
  $('faults-get').onclick = async () => { const { data } = await call('GET', '/admin/faults'); if (data && data.config) $('faults').value = JSON.stringify(data.config, null, 2); };
  $('faults-set').onclick = () => { let cfg; try { cfg = JSON.parse($('faults').value); } catch { show('JSON tidak sah.'); return; } call('PUT', '/admin/faults', cfg); };
  $('settlement').onclick = async () => {
    const date = $('date').value;
    const res = await fetch('/admin/bank/settlement?date=' + encodeURIComponent(date), { headers: { 'x-admin-key': $('key').value } });
    if (!res.ok) { show(await res.json()); return; }
    const text = await res.text();
    show(text);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
    a.download = 'settlement-' + date + '.csv';
    a.click();
  };
</script>
</body>
</html>
`;
}

// The site's search: the records whose cells match every group of the folded query, one per
// record, ranked as libya_israel_data.search ranks them (exact matches first, then corpus order).
(function () {
  const page = typeof document === "undefined" ? null : document;
  const input = page && page.getElementById("q");
  const list = page && page.getElementById("results");
  const count = page && page.getElementById("count");
  const rtl = /[\u0590-\u08ff]/;
  const TIER = 2 ** 40;

  function has(padded, words) { return padded.includes(" " + words.join(" ") + " "); }
  function matches(groups, folded, stems, exact) {
    return groups.every(([phrases, forms]) =>
      phrases.some((p) => has(folded, p)) ||
      (!exact && forms.some((f) => has(folded, [f]) || has(stems, [f]))));
  }
  // [resource, id, label, matched, fields] for every record found, best first.
  function find(query) {
    const groups = lidFoldQuery(query, true);
    const found = new Map();
    if (!groups.length) return [];
    LID_INDEX.forEach(([resource, id, field, label, text, folded, stems], i) => {
      const f = " " + folded + " ";
      const s = " " + stems + " ";
      if (!matches(groups, f, s, false)) return;
      const rank = (matches(groups, f, s, true) ? 0 : TIER) + i + 1;
      const key = resource + "/" + id;
      const record = found.get(key);
      if (!record) {
        found.set(key, { resource, id, label, text, rank, fields: [field] });
        return;
      }
      if (rank < record.rank) { record.rank = rank; record.text = text; }
      if (!record.fields.includes(field)) record.fields.push(field);
    });
    return Array.from(found.values()).sort((a, b) => a.rank - b.rank);
  }
  globalThis.lidSearch = find;

  function run() {
    list.textContent = "";
    let records;
    try {
      records = find(input.value);
    } catch (e) {
      count.textContent = e.message;
      return;
    }
    if (!records.length && !input.value.trim()) { count.textContent = ""; return; }
    for (const { resource, id, label, text } of records) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = resource + "/" + id + ".html";
      a.textContent = label || text;
      if (rtl.test(a.textContent)) a.dir = "auto";
      li.append(resource.replace(/s$/, "") + ": ", a);
      if (text !== label) {
        const m = document.createElement("span");
        m.className = "matched";
        m.textContent = " · " + text;
        if (rtl.test(text)) m.dir = "auto";
        li.append(m);
      }
      list.append(li);
    }
    count.textContent = records.length + (records.length === 1 ? " record" : " records");
  }
  if (input) {
    input.addEventListener("input", run);
    const q = new URLSearchParams(location.search).get("q");
    if (q) { input.value = q; }
    run();
  }
})();

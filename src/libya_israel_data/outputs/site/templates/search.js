// The site's search: the records whose cells match every group of the folded query, one per
// record, ranked as libya_israel_data.search ranks them (exact matches first, then corpus order).
// Results are shown grouped by kind of record, each kind in that rank order, and the address
// follows the query (search.html?q=…), so a search can be shared.
(function () {
  const page = typeof document === "undefined" ? null : document;
  const input = page && page.getElementById("q");
  const results = page && page.getElementById("results");
  const count = page && page.getElementById("count");
  const rtl = /[\u0590-\u08ff]/;
  const KINDS = ["meetings", "people", "organizations", "claims", "sources"];
  const TIER = 2 ** 40;

  function has(padded, words) { return padded.includes(" " + words.join(" ") + " "); }
  function matches(groups, folded, stems, exact) {
    return groups.every(([phrases, forms]) =>
      phrases.some((p) => has(folded, p)) ||
      (!exact && forms.some((f) => has(folded, [f]) || has(stems, [f]))));
  }
  // {resource, id, label, text, rank, fields} for every record found, best first.
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
    results.textContent = "";
    let records;
    try {
      records = find(input.value);
    } catch (e) {
      count.textContent = e.message;
      return;
    }
    if (!records.length && !input.value.trim()) { count.textContent = ""; return; }
    const groups = new Map();
    for (const { resource, id, label, text } of records) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = resource + "/" + id + ".html";
      a.textContent = label || text;
      if (rtl.test(a.textContent)) a.dir = "auto";
      li.append(a);
      if (text !== label) {
        const m = document.createElement("span");
        m.className = "matched";
        m.textContent = " · " + text;
        if (rtl.test(text)) m.dir = "auto";
        li.append(m);
      }
      if (!groups.has(resource)) groups.set(resource, []);
      groups.get(resource).push(li);
    }
    const order = (r) => (KINDS.indexOf(r) + KINDS.length + 1) % (KINDS.length + 1);
    for (const resource of Array.from(groups.keys()).sort((a, b) => order(a) - order(b))) {
      const items = groups.get(resource);
      const section = document.createElement("section");
      const h2 = document.createElement("h2");
      h2.textContent = resource.charAt(0).toUpperCase() + resource.slice(1) + " (" + items.length + ")";
      const ol = document.createElement("ol");
      ol.append(...items);
      section.append(h2, ol);
      results.append(section);
    }
    count.textContent = records.length + (records.length === 1 ? " record" : " records");
  }
  function share() {
    const q = input.value.trim();
    history.replaceState(null, "", q ? "?q=" + encodeURIComponent(q) : location.pathname);
  }
  if (input) {
    input.addEventListener("input", () => { run(); share(); });
    input.form.addEventListener("submit", (e) => { e.preventDefault(); run(); share(); });
    const q = new URLSearchParams(location.search).get("q");
    if (q) { input.value = q; }
    run();
  }
})();

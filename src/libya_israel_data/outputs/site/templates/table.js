// Sorting and filtering of a table page, with the filters kept in the address so that a
// filtered view can be shared: meetings/index.html?from=2021&to=2022&status=alleged.
// Without JavaScript the table is complete, in order, and the form still filters nothing.
(function () {
  const form = document.querySelector("form.filters");
  const table = document.getElementById(form.dataset.table);
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const count = document.getElementById("count");
  const fields = Array.from(form.elements).filter((e) => e.name);
  const heads = Array.from(table.tHead.rows[0].cells);

  function matches(row) {
    for (const f of fields) {
      const want = f.value.trim();
      if (!want) continue;
      if (f.name === "from") {
        if (!row.dataset.to || row.dataset.to < want) return false;
      } else if (f.name === "to") {
        if (!row.dataset.from || row.dataset.from > want) return false;
      } else if (f.hasAttribute("data-multi")) {
        if (!(row.dataset[f.name] || "").split(" ").includes(want)) return false;
      } else if (row.dataset[f.name] !== want) {
        return false;
      }
    }
    return true;
  }

  function words(name, value) {
    const select = form.elements[name];
    if (!select || !select.options) return value;
    for (const o of select.options) if (o.value === value) return o.textContent;
    return value;
  }

  function apply() {
    const by = count.dataset.countBy;
    const tally = new Map();
    let shown = 0;
    for (const row of rows) {
      const ok = matches(row);
      row.hidden = !ok;
      if (!ok) continue;
      shown += 1;
      const key = row.dataset[by] || "";
      tally.set(key, (tally.get(key) || 0) + 1);
    }
    const noun = rows.length === 1 ? count.dataset.noun : count.dataset.nouns;
    const parts = Array.from(tally, ([k, n]) => [words(by, k), n])
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([w, n]) => n + " " + w);
    count.textContent =
      shown + " of " + rows.length + " " + noun + (parts.length ? ": " + parts.join(", ") : "") + ".";
  }

  function address() {
    const params = new URLSearchParams();
    for (const f of fields) if (f.value.trim()) params.set(f.name, f.value.trim());
    const sorted = heads.findIndex((h) => h.hasAttribute("aria-sort"));
    if (sorted >= 0) {
      params.set("sort", sorted + 1);
      if (heads[sorted].getAttribute("aria-sort") === "descending") params.set("order", "desc");
    }
    const query = params.toString();
    history.replaceState(null, "", query ? "?" + query : location.pathname);
  }

  function key(row, i, kind) {
    const cell = row.cells[i];
    const value = cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
    return kind === "num" ? parseFloat(value) || 0 : value;
  }

  function sort(i, descending) {
    const kind = heads[i].dataset.kind;
    const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
    const ordered = rows.slice().sort((a, b) => {
      const x = key(a, i, kind);
      const y = key(b, i, kind);
      const c = kind === "num" ? x - y : collator.compare(x, y);
      return descending ? -c : c;
    });
    heads.forEach((h) => h.removeAttribute("aria-sort"));
    heads[i].setAttribute("aria-sort", descending ? "descending" : "ascending");
    for (const row of ordered) body.append(row);
  }

  heads.forEach((h, i) => {
    h.querySelector("button").addEventListener("click", () => {
      sort(i, h.getAttribute("aria-sort") === "ascending");
      address();
    });
  });
  form.addEventListener("input", () => { apply(); address(); });
  form.addEventListener("change", () => { apply(); address(); });
  form.addEventListener("submit", (e) => { e.preventDefault(); apply(); address(); });

  const params = new URLSearchParams(location.search);
  for (const f of fields) if (params.has(f.name)) f.value = params.get(f.name);
  const column = parseInt(params.get("sort"), 10);
  if (column >= 1 && column <= heads.length) sort(column - 1, params.get("order") === "desc");
  apply();
})();

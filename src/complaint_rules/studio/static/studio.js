// The workbench's only script: live checks in the editor, more event rows in the
// try-a-complaint form, and the impact's progress bar. Every page works without it.
"use strict";

(function () {
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  var lang = document.documentElement.lang || "zh-Hant";

  function post(url, body) {
    return fetch(url + "?lang=" + encodeURIComponent(lang), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  }

  document.querySelectorAll(".js-only").forEach(function (el) {
    el.classList.add("js-on");
  });

  // --- the editor -------------------------------------------------------------------------
  var area = document.getElementById("yaml");
  if (area) {
    var gutter = document.getElementById("gutter");
    var marks = document.getElementById("marks");
    var list = document.querySelector("#problems ul.problems");
    var state = document.getElementById("edit-state");
    var policy = area.dataset.policy;
    var timer = null;
    var sequence = 0;
    var lineHeight = function () {
      return parseFloat(getComputedStyle(area).lineHeight) || 18;
    };

    var numberLines = function () {
      var count = area.value.split("\n").length;
      var out = [];
      for (var n = 1; n <= count; n++) out.push(n);
      gutter.textContent = out.join("\n");
    };

    var placeMarks = function () {
      var h = lineHeight();
      var padding = parseFloat(getComputedStyle(area).paddingTop) || 0;
      marks.querySelectorAll(".problem").forEach(function (mark) {
        var line = parseInt(mark.dataset.line, 10);
        var top = padding + (line - 1) * h - area.scrollTop;
        mark.style.top = top + "px";
        mark.hidden = top < -h || top > area.clientHeight;
      });
      gutter.scrollTop = area.scrollTop;
    };

    var show = function (result) {
      marks.textContent = "";
      list.textContent = "";
      var bad = {};
      result.problems.forEach(function (p) {
        var li = document.createElement("li");
        if (p.line) li.dataset.line = p.line;
        li.textContent = (p.where ? p.where + " " : "") + (p.field ? p.field + ": " : "") + p.message;
        list.appendChild(li);
        if (p.line) {
          bad[p.line] = true;
          var mark = document.createElement("div");
          mark.className = "problem";
          mark.dataset.line = p.line;
          mark.setAttribute("role", "note");
          mark.textContent = (p.field ? p.field + ": " : "") + p.message;
          marks.appendChild(mark);
        }
      });
      area.dataset.problemLines = Object.keys(bad).join(",");
      state.textContent = result.summary;
      state.className = "flag " + (result.ok ? "ok" : "bad");
      placeMarks();
    };

    var check = function () {
      var mine = ++sequence;
      state.textContent = "…";
      state.className = "flag";
      post("/api/policies/" + encodeURIComponent(policy) + "/check", { text: area.value })
        .then(function (r) { return r.json(); })
        .then(function (result) {
          if (mine === sequence && result.problems) show(result);
        })
        .catch(function () {
          // Cancelled by leaving the page, or the workbench stopped: say nothing is known.
          if (mine === sequence) state.textContent = "?";
        });
    };

    area.addEventListener("input", function () {
      numberLines();
      clearTimeout(timer);
      timer = setTimeout(check, 400);
    });
    area.addEventListener("scroll", placeMarks);
    window.addEventListener("resize", placeMarks);
    numberLines();
    check();

    var save = document.getElementById("save");
    if (save) {
      save.addEventListener("click", function (event) {
        event.preventDefault();
        clearTimeout(timer);
        var mine = ++sequence; // a check still on its way must not overwrite the answer
        post("/api/policies/" + encodeURIComponent(policy) + "/save", { text: area.value })
          .then(function (r) { return r.json(); })
          .then(function (result) {
            if (mine !== sequence) return;
            if (result.problems) show(result);
            else if (result.error) state.textContent = result.error;
          });
      });
    }
    var checkButton = document.getElementById("check");
    if (checkButton) {
      checkButton.addEventListener("click", function (event) {
        event.preventDefault();
        check();
      });
    }
  }

  // --- try a complaint: one more event row ------------------------------------------------
  var add = document.getElementById("add-event");
  if (add) {
    add.addEventListener("click", function () {
      var body = document.getElementById("events");
      var row = body.querySelector("tr.event:last-child").cloneNode(true);
      row.querySelectorAll("input, select").forEach(function (input) { input.value = ""; });
      body.appendChild(row);
    });
  }

  // --- what changes: the impact with a progress bar ---------------------------------------
  var changes = document.getElementById("changes-form");
  if (changes) {
    changes.addEventListener("submit", function (event) {
      var history = document.getElementById("history").value;
      var upload = document.getElementById("upload").files[0];
      if (!history && !upload) return; // the page itself shows the diff and the tests
      event.preventDefault();
      var data = new FormData(changes);
      data.set("history", "");
      data.delete("upload");
      var policy = changes.action.split("/policies/")[1].split("/")[0];
      var bar = document.getElementById("impact-progress");
      var out = document.getElementById("impact");
      var heading = out.querySelector("h2").outerHTML;
      out.innerHTML = heading;
      bar.hidden = false;
      bar.value = 0;
      fetch(changes.action, {
        method: "POST",
        body: new URLSearchParams(data),
        credentials: "same-origin",
      })
        .then(function (r) { return r.text(); })
        .then(function (html) {
          var page = new DOMParser().parseFromString(html, "text/html");
          ["diff", "tests"].forEach(function (id) {
            var fresh = page.getElementById(id);
            if (fresh) document.getElementById(id).replaceWith(fresh);
          });
        });
      var send = function (body) {
        body.against = data.get("against");
        if (data.get("text") !== null) body.text = data.get("text");
        return post("/api/policies/" + encodeURIComponent(policy) + "/impact", body);
      };
      var started = upload
        ? upload.text().then(function (text) {
            return send({ upload: text, upload_name: upload.name });
          })
        : send({ history: history });
      started.then(function (response) {
        var reader = response.body.getReader();
        var decoder = new TextDecoder();
        var buffer = "";
        var pump = function () {
          return reader.read().then(function (chunk) {
            if (chunk.done) { bar.hidden = true; return; }
            buffer += decoder.decode(chunk.value, { stream: true });
            var lines = buffer.split("\n");
            buffer = lines.pop();
            lines.forEach(function (line) {
              if (!line) return;
              var message = JSON.parse(line);
              if (message.total !== undefined) {
                bar.max = Math.max(message.total, 1);
                bar.value = message.done;
              }
              if (message.html) out.innerHTML = heading + message.html;
              if (message.error) {
                var p = document.createElement("p");
                p.className = "notice";
                p.textContent = message.error;
                out.appendChild(p);
              }
            });
            return pump();
          });
        };
        return pump();
      });
    });
  }
})();

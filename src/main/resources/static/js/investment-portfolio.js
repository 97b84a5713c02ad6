// Draws the portfolio charts from the data attributes the page carries (no inline script: CSP).
document.addEventListener("DOMContentLoaded", function () {
  if (typeof echarts === "undefined") {
    return;
  }
  var grades = document.getElementById("chart-grades");
  if (grades) {
    grades.style.height = "280px";
    var data = (grades.dataset.grades || "").split(";").filter(Boolean).map(function (pair) {
      var p = pair.split(":");
      return { name: p[0], value: Number(p[1]) };
    });
    var pie = echarts.init(grades);
    pie.setOption({
      tooltip: { trigger: "item" },
      title: data.length ? undefined : { text: grades.dataset.empty, left: "center", top: "middle",
        textStyle: { fontSize: 14, color: "#6c757d" } },
      series: [{ type: "pie", radius: ["40%", "70%"], data: data }]
    });
    window.addEventListener("resize", function () { pie.resize(); });
  }
  var flows = document.getElementById("chart-flows");
  if (flows) {
    flows.style.height = "280px";
    var rows = (flows.dataset.flows || "").split(";").filter(Boolean).map(function (r) {
      return r.split(":");
    });
    var bar = echarts.init(flows);
    bar.setOption({
      tooltip: { trigger: "axis" },
      legend: { data: [flows.dataset.principal, flows.dataset.interest, flows.dataset.received] },
      xAxis: { type: "category", data: rows.map(function (r) { return r[0]; }) },
      yAxis: { type: "value" },
      series: [
        { name: flows.dataset.principal, type: "bar", stack: "expected", data: rows.map(function (r) { return Number(r[1]); }) },
        { name: flows.dataset.interest, type: "bar", stack: "expected", data: rows.map(function (r) { return Number(r[2]); }) },
        { name: flows.dataset.received, type: "line", data: rows.map(function (r) { return Number(r[3]); }) }
      ]
    });
    window.addEventListener("resize", function () { bar.resize(); });
  }
});

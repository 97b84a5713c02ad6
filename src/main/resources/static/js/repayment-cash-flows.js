// The investor's cash-flow calendar: expected and received per month (ECharts), from the
// data-flows attribute of #flows-chart (no inline script: CSP).
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('flows-chart');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(el.getAttribute('data-flows'));
  el.style.height = '320px';
  var chart = echarts.init(el);
  chart.setOption({
    tooltip: {trigger: 'axis'},
    legend: {data: [el.getAttribute('data-expected'), el.getAttribute('data-received')]},
    grid: {left: 48, right: 16, bottom: 32, containLabel: true},
    xAxis: {type: 'category', data: data.months},
    yAxis: {type: 'value'},
    series: [
      {name: el.getAttribute('data-expected'), type: 'bar', data: data.expected.map(Number)},
      {name: el.getAttribute('data-received'), type: 'bar', data: data.received.map(Number)}
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});

// The dashboard's charts and its year picker, from the figures the page carries as JSON (#chart-data).
document.addEventListener('DOMContentLoaded', () => {
  const year = document.getElementById('year');
  year.addEventListener('change', () => year.form.submit());

  const data = JSON.parse(document.getElementById('chart-data').textContent);
  new Chart(document.getElementById('chart-steps'), {
    type: 'bar',
    data: {labels: data.steps.labels, datasets: [{label: '待办数', data: data.steps.values, backgroundColor: '#c62828'}]},
    options: {indexAxis: 'y', plugins: {legend: {display: false}}, animation: false}
  });
  new Chart(document.getElementById('chart-grades'), {
    type: 'bar',
    data: {labels: data.grades.labels, datasets: [
      {label: '人数', data: data.grades.values, backgroundColor: ['#2e7d32', '#1565c0', '#f9a825', '#b71c1c']},
      {label: '优秀上限', type: 'line', data: data.grades.labels.map(() => data.cap), borderColor: '#6a1b9a', pointRadius: 0}
    ]},
    options: {animation: false}
  });
  window.chartsRendered = true;
});

// The page's own words: buttons, headings and messages, in Chinese and English. Labels of levers,
// fields, indicators and ledger lines, units and figures come from the core's view, not from here.
import { state } from './state.js';

export const UI = {
  zh: {
    app_title: '医共体政策沙盘', undo: '撤销', redo: '重做', other_tab: '另一个标签页也在编辑工作副本;本页的修改另存,不会覆盖对方(刷新后打开的是最后保存的那一份)。', open: '打开', save: '保存', share: '复制分享链接', reset: '重置为基线', close: '关闭',
    editing: '编辑:', mode_reform: '改革方案', mode_baseline: '今天(基线)', levers: '政策杠杆', assumptions: '行为与环境假设',
    assumptions_note: '以下是假设,不是政策:改变它们可以看出结果在多大程度上依赖于假设。',
    scorecard: '指标记分卡', workshop: '沙盘推演流程(培训用,5步)', workshop_note: '按顺序打开每一步的方案;先请大家预测,再看图。', workshop_ask: '先问大家:', workshop_look: '再看:', workshop_open: '打开第', qr_note: '用手机扫码打开同一方案(手机需能访问本页面所在的网址)', an_working: '正在计算……(页面仍可操作)', compare: '比较方案', compare_note: '把最多三个其他方案与当前方案放在一起比较:各图加上它们的改革曲线,下表并列末年的各项指标。先加入“当前方案的副本”,再修改当前方案,即可看出修改的效果。', compare_snapshot: '当前方案的副本', compare_copy: '副本', compare_name: '名称(可选)', compare_add: '加入比较', compare_file: '从文件加入…', compare_remove: '移除', about_sources: '关于来源:本沙盘引用的政策文件', about_sources_note: '每个杠杆、假设和指标都注明所依据的文件和条款;以下为文件全称、发文单位、文号和日期。未注明文件的默认值标为“假设”。', offline_edition: '离线单文件版', chart_png: 'PNG', chart_svg: 'SVG', table_csv: '下载 CSV', results_xlsx: '导出结果 .xlsx', print: '打印报告', printed_on: '打印于', jump_levers: '调整政策杠杆 ↓', jump_results: '↑ 回到结果', definitions: '指标口径与来源', copy_table: '复制表格', in_wan: '金额以万元显示', ledger: '年度账目',
    lang_button: 'English', shipped: '示例方案…', saved: '已保存', unsaved: '有未保存的修改', autosave_failed: '无法自动保存(本地存储已满或被禁用)',
    confirm_replace: '当前方案有未保存的修改,打开新的方案会替换它。继续吗?',
    link_copied: '分享链接已复制。', balanced: '来源 = 去向,账目平衡', not_balanced: '账目不平衡',
    sources: '来源', uses: '去向', refused: '已拒绝', not_utf8: '文件不是 UTF-8 编码(可能是 GBK);请在编辑器中另存为 UTF-8 后再打开。',
    utf16: '文件是 UTF-16 编码;请另存为 UTF-8 后再打开。', is_spreadsheet: '这是表格文件(Excel/WPS/CSV),不是方案文件:请在「县情」页用「导入表格」导入。', opened_default: '未能恢复上次的工作,已打开默认方案;上次的文本保存在浏览器的 ygt.recovered 中。',
        tab_policy: '政策与假设', tab_county: '县情', new_county: '按常住人口新建县', new_county_note: '只需常住人口:其余输入按全国比例估算并标为估计值,请逐项替换为本县数据。',
    county_name: '县名', population: '常住人口', create: '新建', estimated_note: '黄底为估计值,输入本县数据后标记消失。', estimated: '估计值',
    county: '县', out_of_county: '县域外就医', members_heading: '成员机构', lead: '牵头医院', remove: '删除', add_community: '+ 新增医共体',
    add: '+ ', spreadsheet: '表格模板(Excel / WPS)', spreadsheet_note: '下载模板(已填入当前县情),在 Excel 或 WPS 中填写后导入;有错误的单元格会逐一列出,全部正确才会导入。', template_xlsx: '下载模板 .xlsx', template_csv: '下载模板 CSV', import_sheet: '导入表格',
    uncertainty: '不确定性(蒙特卡洛)', uncertainty_note: '行为假设在各自的合理范围内随机抽取,每次抽样重新运行模型;图中阴影为第 10 至第 90 百分位区间。同一种子结果相同(与命令行 ygt uncertainty 一致)。', mc_draws: '抽样次数', mc_seed: '种子', mc_run: '运行', mc_cancel: '取消', mc_cancelled: '已取消', mc_bad_input: '抽样次数应为 10 到 20000 的整数,种子为非负整数', mc_stale: '方案已改变,区间不再适用;请重新运行', mc_failed: '运行失败', mc_chance: '末年达标概率', mc_draws_done: '次抽样',
    analysis: '分析', an_indicator: '指标', an_year: '年份', an_tornado: '哪些假设影响最大', an_waterfall: '各项政策的贡献', an_lever: '调整杠杆', an_target: '使指标达到', an_seek: '求解', an_apply: '采用此值', an_compare: '逐项比较', an_other: '选择示例方案…', an_diff_file: '与文件比较…', an_field: '项目', an_path: '路径', an_current: '当前方案', an_other_value: '对比方案', an_differences: '处不同',
  },
  en: {
    app_title: 'Medical-community sandbox', undo: 'Undo', redo: 'Redo', other_tab: 'Another tab is editing the working copy too; this tab keeps its changes separately and does not overwrite it (a reload opens the copy saved last).', open: 'Open', save: 'Save', share: 'Share link', reset: 'Reset', close: 'Close',
    editing: 'Editing:', mode_reform: 'the reform', mode_baseline: 'today (baseline)', levers: 'Policy levers', assumptions: 'Behavioural and environmental assumptions',
    assumptions_note: 'These are assumptions, not policy: change them to see how much a result depends on them.',
    scorecard: 'Scorecard', workshop: 'Workshop sequence (for trainers, 5 steps)', workshop_note: 'Open each step\'s scenario in turn; ask the room to predict before showing the charts.', workshop_ask: 'Ask first: ', workshop_look: 'Then point at: ', workshop_open: 'Open step', qr_note: 'Scan to open the same scenario on a phone (the phone must reach this page\'s address)', an_working: 'Working… (the page keeps answering)', compare: 'Compare scenarios', compare_note: 'Put up to three other scenarios beside the current one: every chart gains their reform lines, and the table sets the last year\'s indicators side by side. Add a copy of the current scenario, then change the current one, to see what the change does.', compare_snapshot: 'a copy of the current scenario', compare_copy: 'copy', compare_name: 'name (optional)', compare_add: 'Add to the comparison', compare_file: 'Add from a file…', compare_remove: 'remove', about_sources: 'About the sources: the policy documents the sandbox cites', about_sources_note: 'Every lever, assumption and indicator names the document and clause it rests on; here are the documents in full: title, issuing body, number and date. A default no document gives is marked as an assumption.', offline_edition: 'Offline one-file edition', chart_png: 'PNG', chart_svg: 'SVG', table_csv: 'Download CSV', results_xlsx: 'Results as .xlsx', print: 'Print report', printed_on: 'printed', jump_levers: 'Change the levers ↓', jump_results: '↑ Back to the results', definitions: 'What each indicator counts, and its source', copy_table: 'Copy table', in_wan: 'money in 10k yuan', ledger: 'Ledger of the year',
    lang_button: '中文', shipped: 'Examples…', saved: 'saved', unsaved: 'unsaved changes', autosave_failed: 'cannot autosave (local storage full or disabled)',
    confirm_replace: 'The current scenario has unsaved changes; opening another replaces it. Continue?',
    link_copied: 'Share link copied.', balanced: 'sources = uses, the books balance', not_balanced: 'the books do not balance',
    sources: 'sources', uses: 'uses', refused: 'refused', not_utf8: 'The file is not UTF-8 (perhaps GBK); save it as UTF-8 in an editor and open it again.',
    utf16: 'The file is UTF-16; save it as UTF-8 and open it again.', is_spreadsheet: 'This is a spreadsheet (Excel, WPS or CSV), not a scenario file: import it with Import spreadsheet on the County tab.', opened_default: 'Could not restore the last work; the default scenario is open. The last text is kept in the browser under ygt.recovered.',
        tab_policy: 'Policy & assumptions', tab_county: 'County', new_county: 'New county from its population', new_county_note: 'Only the resident population: every other input is estimated from national ratios and marked, until you enter the county\'s own figures.',
    county_name: 'county name', population: 'resident population', create: 'Create', estimated_note: 'Yellow inputs are estimates; entering the county\'s own figure removes the mark.', estimated: 'estimate',
    county: 'County', out_of_county: 'out-of-county care', members_heading: 'Member institutions', lead: 'lead hospital', remove: 'Remove', add_community: '+ Add a community',
    add: '+ ', spreadsheet: 'Spreadsheet template (Excel / WPS)', spreadsheet_note: 'Download the template (filled with the current county), fill it in Excel or WPS and import it; every bad cell is listed, and nothing is imported until all are right.', template_xlsx: 'Template .xlsx', template_csv: 'Template CSV', import_sheet: 'Import spreadsheet',
    uncertainty: 'Uncertainty (Monte Carlo)', uncertainty_note: 'Each behavioural assumption is drawn at random within its plausible range and the model run again for each draw; the shading on the charts is the 10th to 90th percentile. The same seed gives the same figures (as ygt uncertainty does).', mc_draws: 'draws', mc_seed: 'seed', mc_run: 'Run', mc_cancel: 'Cancel', mc_cancelled: 'cancelled', mc_bad_input: 'draws: a whole number from 10 to 20000; seed: a whole number from 0', mc_stale: 'the scenario has changed: the bands no longer apply; run again', mc_failed: 'the run failed', mc_chance: 'chance of meeting it in', mc_draws_done: 'draws',
    analysis: 'Analysis', an_indicator: 'indicator', an_year: 'year', an_tornado: 'Which assumptions matter most', an_waterfall: 'What each policy contributes', an_lever: 'lever to adjust', an_target: 'to bring the indicator to', an_seek: 'Solve', an_apply: 'Use this value', an_compare: 'compare field by field', an_other: 'choose an example…', an_diff_file: 'Compare with a file…', an_field: 'field', an_path: 'path', an_current: 'this scenario', an_other_value: 'the other', an_differences: 'differences',
  },
};

export const t = (key) => UI[state.lang][key] ?? key;

// A message in both languages, as diagnostics carry it.
export const message = (key, severity = 'error', path = '', value = '') =>
  ({ severity, path, value, message_zh: UI.zh[key], message_en: UI.en[key] });

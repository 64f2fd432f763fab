import type { UiLang } from './index.js';

/** Looks up the label of a field name (camelCase) in the current language; the name itself if unknown. */
export type FieldLabelFn = (field: string) => string;

type Rule = readonly [RegExp, (m: RegExpExecArray, label: FieldLabelFn) => string];

const g = (m: RegExpExecArray, i: number): string => m[i] ?? '';

/**
 * Chinese renderings of the messages that core's schemas and plausibility rules produce (the server
 * sends the same English text). Each pattern mirrors one message template in `core/src/schemas` or
 * `core/src/rules`; anything not matched is shown as the server wrote it.
 */
const ZH_RULES: readonly Rule[] = [
  [/^must be a real date written YYYY-MM-DD$/, () => '须为真实存在的日期（YYYY-MM-DD）'],
  [/^must be a date written YYYY-MM-DD$/, () => '须为 YYYY-MM-DD 格式的日期'],
  [/^must be a UTC timestamp \(ISO 8601\)$/, () => '须为UTC时间（ISO 8601）'],
  [/^must be a number$/, () => '须为数字'],
  [/^must be a whole number$/, () => '须为整数'],
  [/^must be at least (.+)$/, (m) => `不能小于 ${g(m, 1)}`],
  [/^must be at most (\d+) characters$/, (m) => `不能超过 ${g(m, 1)} 个字符`],
  [/^must be at most (.+)$/, (m) => `不能大于 ${g(m, 1)}`],
  [/^must be one of: (.+)$/, (m) => `须为以下之一：${g(m, 1)}`],
  [/^must be 1\.5 or 3 \(tesla\)$/, () => '须为1.5或3（特斯拉）'],
  [/^must be one of 1, 3, 6, 12, 24, 36 \(months\)$/, () => '须为1、3、6、12、24、36个月之一'],
  [/^must be prospective or retrospective$/, () => '须为前瞻性或回顾性'],
  [/^must be a phone number$/, () => '须为电话号码'],
  [/^must be an e-mail address$/, () => '须为电子邮箱地址'],
  [/^must be an identifier \(UUID\)$/, () => '须为标识符（UUID）'],
  [/^must be a DICOM UID \(digits and dots\)$/, () => '须为DICOM UID（数字和点）'],
  [/^a DICOM UID has at most 64 characters$/, () => 'DICOM UID 最多64个字符'],
  [/^must be the version you read \(a whole number\)$/, () => '须为您读取时的版本号（整数）'],
  [/^give a reason of at least 3 characters$/, () => '请填写至少3个字符的原因'],
  [
    /^This record was saved as complete: give a reason for the change$/,
    () => '该记录已保存为"已完成"：请填写修改原因',
  ],
  [
    /^The record was changed by someone else \(you edited version (\d+); it is now version (\d+)\)$/,
    (m) => `该记录已被他人修改（您编辑的是第${g(m, 1)}版，现在是第${g(m, 2)}版）`,
  ],
  [/^Your role or site does not allow this$/, () => '您的角色或中心无权执行此操作'],
  [
    /^(\w+) (\d{4}-\d{2}-\d{2}) is after today \((.+)\)$/,
    (m, l) => `${l(g(m, 1))} ${g(m, 2)} 晚于今天（${g(m, 3)}）`,
  ],
  [
    /^(.+?) must be between (.+?) and (.+?)( at [\d.]+ T)? \(got (.+)\)$/,
    (m, l) =>
      `${l(g(m, 1))} 须在 ${g(m, 2)} 与 ${g(m, 3)} 之间${g(m, 4).replace(' at ', '（场强 ')}${m[4] ? '）' : ''}，当前为 ${g(m, 5)}`,
  ],
  [
    /^(.+?) of (.+?) is outside the typical (.+?)( at [\d.]+ T)?: please check$/,
    (m) =>
      `${g(m, 2)} 超出常见范围 ${g(m, 3)}${m[4] ? `（场强 ${g(m, 4).replace(' at ', '')}）` : ''}，请核对`,
  ],
  [/^(\w+) applies only when (\w+) is true$/, (m, l) => `仅当"${l(g(m, 2))}"为"是"时才填写"${l(g(m, 1))}"`],
  [/^specificType (\w+) is a (\w+), not a (\w+)$/, () => '具体类型与所选类别不一致'],
  [/^(\w+)Sequence is required with (\w+)$/, (m, l) => `填写"${l(g(m, 2))}"时须填写序列`],
  [
    /^(\w+)Source \(typed or computed\) is required with (\w+)$/,
    (m, l) => `填写"${l(g(m, 2))}"时须注明来源（手工录入或计算）`,
  ],
  [
    /^a computed (\w+) needs its provenance \(map and ROI\)$/,
    (m, l) => `计算得到的"${l(g(m, 1))}"须有溯源信息（参数图和ROI）`,
  ],
  [
    /^height (.+) cm and weight (.+) kg give a BMI of (.+): please check$/,
    (m) => `身高 ${g(m, 1)} cm、体重 ${g(m, 2)} kg 对应BMI为 ${g(m, 3)}，请核对`,
  ],
  [
    /^dateOfBirth (.+) does not match the participant's birthYear (.+)$/,
    (m) => `出生日期 ${g(m, 1)} 与出生年份 ${g(m, 2)} 不一致`,
  ],
  [/^a baseline exam does not belong to a follow-up visit$/, () => '基线检查不属于任何随访节点'],
  [
    /^(\w+) \((.+) ml\) must be less than (\w+) \((.+) ml\)$/,
    (m, l) => `${l(g(m, 1))}（${g(m, 2)} ml）须小于${l(g(m, 3))}（${g(m, 4)} ml）`,
  ],
  [
    /^lvEfPercent (.+) % differs from \(EDV - ESV\) \/ EDV = (.+) %$/,
    (m) => `左室射血分数 ${g(m, 1)} % 与容积计算值 ${g(m, 2)} % 不符`,
  ],
  [/^a contrast dose was given but contrastAgent is none$/, () => '填写了对比剂剂量，但对比剂为"未使用"'],
  [
    /^post-contrast blood T1 \((.+) ms\) must be shorter than native \((.+) ms\)$/,
    (m) => `增强后血池T1（${g(m, 1)} ms）须短于平扫T1（${g(m, 2)} ms）`,
  ],
  [
    /^(\w+) \((.+) mm\) is larger than sizeLongMm \((.+) mm\): give the largest diameter first$/,
    (m, l) => `${l(g(m, 1))}（${g(m, 2)} mm）大于最大径（${g(m, 3)} mm）：请先填写最大径`,
  ],
  [/^sizeLongMm is required when (\w+) is given$/, (m, l) => `填写"${l(g(m, 1))}"时须填写最大径`],
  [/^an intramural lesion cannot be pedunculated$/, () => '壁内病灶不能为带蒂'],
  [/^a reading of a lesion cannot be "no mass"$/, () => '针对病灶的诊断不能为"无占位"'],
  [/^a reading of (.+) must name the lesion read$/, () => '须指明所诊断的病灶'],
  [/^resolution under anticoagulation establishes a thrombus$/, () => '抗凝后消退只能确立血栓诊断'],
  [/^endDate (.+) is before startDate (.+)$/, (m) => `结束日期 ${g(m, 1)} 早于开始日期 ${g(m, 2)}`],
  [
    /^(\w+) cannot be recorded when the participant was not reached$/,
    (m, l) => `未联系上受试者时不能填写"${l(g(m, 1))}"`,
  ],
  [/^Invalid input/, () => '输入无效'],
];

/**
 * A server or schema message in the UI language: English as it came (identical to the server's),
 * Chinese through the templates above.
 */
export function translateMessage(message: string, lang: UiLang, label: FieldLabelFn): string {
  if (lang === 'en') return message;
  for (const [re, render] of ZH_RULES) {
    const m = re.exec(message);
    if (m) return render(m, label);
  }
  return message;
}

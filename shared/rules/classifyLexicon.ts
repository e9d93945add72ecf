/**
 * Concepts shared by both languages: each adds one feature ("@money") to any message, Chinese or English, that
 * says it. With ~60 labelled messages per category and language, a model that sees 扣款 and "charged" as unrelated
 * words learns each from half the data; the concept lets both halves teach the same feature. Han terms match
 * as substrings (封 inside 封号); Latin terms as whole words or phrases. Hand-written domain knowledge, kept small.
 */
export const CONCEPTS: Record<string, readonly string[]> = {
  login: ['登录', '登陆', '登不上', '登入', 'log in', 'login', 'sign in', 'signin', 'logged', 'locked out'],
  code: ['验证码', '短信', 'code', 'sms', 'otp', '2fa', '2-step', 'two factor'],
  password: ['密码', 'password', 'pw', 'passcode'],
  ban: ['封', '解封', '冻结', '限制', 'ban', 'banned', 'unban', 'suspend', 'frozen', 'restricted', 'locked'],
  account: ['账号', '帐号', '账户', '帐户', '昵称', '头像', '注销', 'account', 'acount', 'nickname', 'username', 'profile picture', 'avatar', 'deactivate'],
  phone: ['手机号', '换绑', '绑定', '解绑', 'phone number', 'unlink', 'linked'],
  identity: ['实名', '身份证', '人脸', '认证', 'verification', 'verify', 'verified', 'id', 'face'],
  hacked: ['被盗', '盗号', '陌生设备', '异地登录', 'hacked', 'hacker', 'stolen', 'unknown device', "wasn't me"],
  video: ['视频', '作品', '草稿', '封面', '剪辑', 'video', 'videos', 'vlog', 'clip', 'draft', 'drafts', 'cover', 'footage'],
  upload: ['上传', '发布', '发不出', '传不上', '发出去', '导出', 'upload', 'uploading', 'post', 'posting', 'posted', 'publish', 'export'],
  quality: ['模糊', '画质', '清晰', '高清', '压缩', 'blurry', 'quality', 'hd', '4k', '1080p', 'compressed'],
  review: ['审核', '下架', '违规', 'review', 'flagged', 'rejected', 'taken down', 'removed', 'guidelines'],
  audio: ['声音', '音乐', '静音', 'music', 'sound', 'audio', 'muted'],
  money: ['钱', '扣', '付款', '支付', '充值', '充了', '币', '元', '块', '余额', '钱包', 'money', 'charge', 'charged', 'charges', 'paid', 'pay', 'payment', 'top up', 'topped', 'recharge', 'coins', 'balance', 'wallet', '优惠券', '礼物', '打赏', 'coupon', 'gift', '$'],
  refund: ['退款', '退钱', '退差价', '退给', 'refund', 'money back'],
  subscription: ['会员', '续费', '包月', '订阅', 'subscription', 'membership', 'renew', 'renewal', 'premium', 'auto-renew'],
  withdraw: ['提现', '收益', '到账', 'withdraw', 'withdrawal', 'payout', 'cash out', 'earnings'],
  invoice: ['发票', 'invoice', 'vat'],
  card: ['银行卡', '信用卡', '支付宝', '微信支付', '花呗', 'card', 'bank', 'paypal', 'apple pay', 'klarna', 'checkout'],
  complain: ['投诉', 'complain', 'complaint', 'complaining'],
  angry: ['垃圾', '骗子', '欺诈', '差评', '太差', '恶劣', '失望', '敷衍', '生气', '受够', '寒心', '什么玩意', 'scam', 'scammer', 'scammers', 'fraud', 'garbage', 'worst', 'terrible', 'awful', 'useless', 'rude', 'furious', 'ridiculous', 'unacceptable', 'fed up', 'disappointed', '😡', '😤'],
  escalate: ['12315', '消费者协会', '曝光', '媒体', '起诉', '法律', '报警', '监管', '工信部', '领导', '主管', '说法', 'lawyer', 'court', 'police', 'regulator', 'press', 'bbb', 'manager', 'supervisor', 'legal', 'escalate', 'escalating', 'escalated', 'twitter'],
  privacy: ['隐私', '泄露', '个人信息', 'privacy', 'leaked', 'personal data'],
  compensate: ['赔偿', '补偿', '道歉', 'compensation', 'apology', 'explanation'],
  staff: ['客服', '工作人员', '工号', '态度', 'agent', 'support', 'staff', 'attitude'],
  greet: ['你好', '在吗', '有人吗', '人呢', 'hello', 'hi', 'hey', 'anyone', '👋'],
  thanks: ['谢谢', 'thanks', 'thank'],
  live: ['直播', '主播', 'live', 'stream', 'streamer', 'go live'],
  social: ['举报', '拉黑', '骚扰', '私信', '评论', '关注', '粉丝群', 'block', 'report', 'harass', 'dm', 'dms', 'comment', 'comments', 'follow', 'blocked'],
  suggest: ['建议', '增加', '能不能出', '希望', 'suggestion', 'please add', 'feature', 'will there be'],
  business: ['合作', '商务', '品牌', '广告', '入驻', '签约', 'mcn', 'partnership', 'partner', 'brand', 'campaign', 'advertising'],
  app: ['下载', '语言', 'download', 'language', '闪退', '新版本', '深色模式', '夜间模式', '字体', 'crash', 'crashes', 'dark mode', 'dark theme', 'version', 'font', 'desktop app'],
  how: ['怎么', '如何', '在哪', 'how', 'where'],
};

const isHan = (s: string) => /\p{Script=Han}/u.test(s);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One matcher per concept, built once. Latin terms must stand as whole words: they share ONE pair of look-arounds
 * (`(?<!…)(?:a|b)(?!…)` matches exactly what `(?<!…)a(?!…)|(?<!…)b(?!…)` does), because each `\p{L}` class is
 * compiled on its own: a pair per term made the first bot turn of a process spend ~0.3 s compiling these.
 */
export const CONCEPT_MATCHERS: readonly { feature: string; re: RegExp }[] = Object.entries(CONCEPTS).map(([name, terms]) => {
  const plain = terms.filter((t) => isHan(t) || !/\w/.test(t)).map(escape);
  const words = terms.filter((t) => !(isHan(t) || !/\w/.test(t))).map(escape);
  const parts = words.length ? [...plain, `(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`] : plain;
  return { feature: `@${name}`, re: new RegExp(parts.join('|'), 'u') };
});

/** The concept features of a normalised (NFKC, lower-cased) text. */
export function conceptsOf(norm: string): string[] {
  const out: string[] = [];
  for (const m of CONCEPT_MATCHERS) if (m.re.test(norm)) out.push(m.feature);
  return out;
}

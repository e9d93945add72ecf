/** The built-in scenario library (docs/rules.md "Training"): one JSON file per scenario, checked against TrainingScenario where it is read (electron/core/services/training/library.ts) and in tests/unit/training-library.test.ts. */
import enAngryVipUpload from './en-angry-vip-upload.json';
import enComplaintRudeAgent from './en-complaint-rude-agent.json';
import enCopyrightClaim from './en-copyright-claim.json';
import enDoubleCharge from './en-double-charge.json';
import enLoginCode from './en-login-code.json';
import enSevereComplaintHarassment from './en-severe-complaint-harassment.json';
import zhAccountBanned from './zh-account-banned.json';
import zhAngryVipWithdrawal from './zh-angry-vip-withdrawal.json';
import zhComplaintSlowFollowup from './zh-complaint-slow-followup.json';
import zhPhoneRebind from './zh-phone-rebind.json';
import zhRefundChildTopup from './zh-refund-child-topup.json';
import zhSevereComplaintFraud from './zh-severe-complaint-fraud.json';
import zhUploadStuck99 from './zh-upload-stuck-99.json';

export const BUILTIN_SCENARIO_FILES: readonly unknown[] = [
  enAngryVipUpload,
  enComplaintRudeAgent,
  enCopyrightClaim,
  enDoubleCharge,
  enLoginCode,
  enSevereComplaintHarassment,
  zhAccountBanned,
  zhAngryVipWithdrawal,
  zhComplaintSlowFollowup,
  zhPhoneRebind,
  zhRefundChildTopup,
  zhSevereComplaintFraud,
  zhUploadStuck99,
];

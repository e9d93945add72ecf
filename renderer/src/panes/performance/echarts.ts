/**
 * Apache ECharts, only what the trend charts use (line series, a grid, the tooltip, the legend, zooming, the
 * canvas renderer), so the dashboard's chunk stays small: `echarts/core` plus these instead of the full build.
 * The canvas renderer draws into a <canvas> and styles its elements through the CSSOM, which the CSP allows; the
 * tooltip is drawn on the canvas too (renderMode 'richText' in TrendChart), not as HTML with style attributes.
 */
import { LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

export { echarts };

// The icon of *.argmap.json files: two claims, one supporting (solid), one attacking (dashed).

import { LabIcon } from '@jupyterlab/ui-components';

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">
  <rect x="4" y="1" width="8" height="4" rx="1" fill="#616161"/>
  <rect x="0.5" y="11" width="6" height="4" rx="1" fill="#2e7d32"/>
  <rect x="9.5" y="11" width="6" height="4" rx="1" fill="#c62828"/>
  <path d="M3.5 11 L6.5 5" stroke="#2e7d32" stroke-width="1.3"/>
  <path d="M12.5 11 L9.5 5" stroke="#c62828" stroke-width="1.3" stroke-dasharray="1.5 1"/>
</svg>`;

export const argmapIcon = new LabIcon({ name: 'jupyter-argmap:map', svgstr: SVG });
